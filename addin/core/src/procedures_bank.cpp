// SPDX-License-Identifier: MPL-2.0
// The bank of the municipalities' assessment procedures: grouped by object
// (direction), near-identical names together.
#include "msoko/procedures.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace msoko {

namespace {

// The UTF-8 characters of a text (each as its bytes).
std::vector<std::string> characters(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

bool is_digit(const std::string& ch) {
    return ch.size() == 1 && ch[0] >= '0' && ch[0] <= '9';
}

// A letter or a digit of the folded text: ASCII a–z, 0–9, Cyrillic а–я, ё.
bool is_word_char(const std::string& ch) {
    if (ch.size() == 1)
        return (ch[0] >= 'a' && ch[0] <= 'z') || is_digit(ch);
    if (ch.size() != 2)
        return false;
    const auto a = static_cast<unsigned char>(ch[0]), b = static_cast<unsigned char>(ch[1]);
    return (a == 0xD0 && b >= 0xB0 && b <= 0xBF) || (a == 0xD1 && b >= 0x80 && b <= 0x8F) ||
           (a == 0xD1 && b == 0x91);  // а–п, р–я, ё
}

bool is_number(const std::string& word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Words of the key: folded, ё as е, split at everything that is no letter or digit.
std::vector<std::string> key_words(const std::string& name) {
    std::vector<std::string> words;
    std::string word;
    for (const std::string& ch : characters(fold(name))) {
        if (is_word_char(ch)) {
            // A digit next to a letter starts a new word: «5кл» → 5 кл.
            if (!word.empty() && is_digit(ch) != is_digit(std::string(1, word.back()))) {
                words.push_back(std::move(word));
                word.clear();
            }
            word += ch == "ё" ? std::string("е") : ch;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    // Spelled out: the ways a grade is written; an ordinal's ending after a number dropped («5-х», «9-го»).
    static const std::map<std::string, std::string> spelled = {
        {"кл", "классов"},      {"класс", "классов"},   {"класса", "классов"},  {"классы", "классов"},
        {"классах", "классов"}, {"классам", "классов"}, {"обуч", "обучающихся"}};
    static const std::set<std::string> endings = {"х", "го", "ых", "ого", "ти", "м", "ом", "й", "ый", "ой", "ая"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0 && is_number(words[i - 1]) && endings.count(words[i]))
            continue;
        // «обуч-ся» → обучающихся: the abbreviation then its ending.
        if (words[i] == "ся" && i > 0 && words[i - 1] == "обуч")
            continue;
        const auto it = spelled.find(words[i]);
        out.push_back(it != spelled.end() ? it->second : words[i]);
    }
    return out;
}

// The first kStemLetters characters of a word.
std::string stem(const std::string& word) {
    const std::vector<std::string> chars = characters(word);
    std::string out;
    for (std::size_t i = 0; i < chars.size() && i < kStemLetters; ++i)
        out += chars[i];
    return out;
}

// Prepositions and conjunctions, which say nothing of what a procedure is.
bool is_stop_word(const std::string& w) {
    static const std::set<std::string> stop = {"в", "во", "и", "по", "на", "для", "с",  "со",
                                               "о", "об", "к", "у",  "из", "за",  "от", "при"};
    return stop.count(w) > 0;
}

std::size_t length(const std::string& s) {
    return characters(s).size();
}

}  // namespace

std::string procedure_key(const std::string& name) {
    return join(key_words(name), " ");
}

bool similar_procedures(const std::string& a, const std::string& b) {
    const std::vector<std::string> wa = key_words(a), wb = key_words(b);
    if (wa.empty() || wb.empty())
        return false;
    if (wa == wb)
        return true;
    std::set<std::string> sa, sb, na, nb;
    for (const auto& w : wa)
        if (is_number(w))
            na.insert(w);
        else if (!is_stop_word(w))
            sa.insert(stem(w));
    for (const auto& w : wb)
        if (is_number(w))
            nb.insert(w);
        else if (!is_stop_word(w))
            sb.insert(stem(w));
    if (na != nb)  // other grades, other years: another procedure
        return false;
    std::size_t common = 0;
    for (const auto& w : sa)
        common += sb.count(w);
    const std::size_t all = sa.size() + sb.size() - common + na.size();
    return all > 0 && static_cast<double>(common + na.size()) >= kSimilarProcedures * static_cast<double>(all);
}

ProcedureBank procedure_bank(const Catalogue& catalogue, const std::vector<MunicipalProcedures>& municipalities) {
    ProcedureBank bank;
    // Per direction, in the catalogue's order, its entries in the order made.
    std::vector<std::vector<BankEntry>> by_direction(catalogue.directions.size());
    std::map<std::string, std::size_t> direction_index;
    for (std::size_t i = 0; i < catalogue.directions.size(); ++i)
        direction_index[catalogue.directions[i].id] = i;
    for (const MunicipalProcedures& m : municipalities)
        for (const Procedure& p : m.procedures) {
            const auto d = direction_index.find(p.direction);
            if (trim(p.name).empty() || d == direction_index.end()) {
                bank.left_out.push_back({m.municipality, p});
                continue;
            }
            const std::string name = trim(p.name);
            std::vector<BankEntry>& entries = by_direction[d->second];
            auto entry = std::find_if(entries.begin(), entries.end(), [&](const BankEntry& e) {
                return std::any_of(e.names.begin(), e.names.end(),
                                   [&](const std::string& n) { return similar_procedures(n, name); });
            });
            if (entry == entries.end()) {
                entries.emplace_back();
                entry = entries.end() - 1;
                entry->direction = p.direction;
            }
            if (std::find(entry->names.begin(), entry->names.end(), name) == entry->names.end())
                entry->names.push_back(name);
            const auto add = [](std::vector<std::string>& to, const std::string& value) {
                const std::string v = trim(value);
                if (!v.empty() && std::find(to.begin(), to.end(), v) == to.end())
                    to.push_back(v);
            };
            add(entry->levels, p.level);
            add(entry->methods, p.method);
            add(entry->frequencies, p.frequency);
            entry->uses.push_back({m.municipality, p});
        }
    for (std::vector<BankEntry>& entries : by_direction) {
        for (BankEntry& e : entries) {
            // The spelling most uses have; ties: the shortest, then the first met (names are in first-seen order).
            std::map<std::string, std::size_t> uses;
            for (const BankUse& u : e.uses)
                ++uses[trim(u.procedure.name)];
            e.name = e.names.front();
            for (const std::string& n : e.names)
                if (uses[n] > uses[e.name] || (uses[n] == uses[e.name] && length(n) < length(e.name)))
                    e.name = n;
            std::set<std::string> who;
            for (const BankUse& u : e.uses)
                who.insert(u.municipality);
            e.municipalities.assign(who.begin(), who.end());
        }
        std::stable_sort(entries.begin(), entries.end(), [](const BankEntry& a, const BankEntry& b) {
            if (a.municipalities.size() != b.municipalities.size())
                return a.municipalities.size() > b.municipalities.size();
            return a.name < b.name;
        });
        for (BankEntry& e : entries)
            bank.entries.push_back(std::move(e));
    }
    return bank;
}

}  // namespace msoko
