// SPDX-License-Identifier: MPL-2.0
#include "vpr_model.hpp"

#include "msoko/form_data.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace msoko::vprgen {

namespace {

TaskDef b(const char* label, int max) {
    return {label, max, false};
}
TaskDef p(const char* label, int max) {
    return {label, max, true};
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// FNV-1a: the same on every platform (std::hash is not).
std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

double logistic(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

// Class letters as schools use them (no Ё, Й, Ъ, Ы, Ь).
const char* const kLetters[] = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К",
                                "Л", "М", "Н", "О", "П", "Р", "С", "Т", "У", "Ф"};

std::string class_name(int grade, std::size_t index) {
    const std::size_t n = std::size(kLetters);
    return std::to_string(grade) + (index < n ? std::string(kLetters[index]) : "-" + std::to_string(index + 1));
}

}  // namespace

std::string TaskDef::header() const {
    return label + " (" + std::to_string(max) + "б)";
}

int SubjectDef::max() const {
    int m = 0;
    for (const TaskDef& t : tasks)
        m += t.max;
    return m;
}

const std::vector<SubjectDef>& known_subjects() {
    // Task lists shaped like the 2025–2026 ВПР (numbered tasks, parts «9.1», criteria «1К1»); the maxima
    // are the boundaries file's.
    static const std::vector<SubjectDef> all = {
        {"Русский язык",
         "РУ",
         "ru",
         4,
         {b("1К1", 3), b("1К2", 1), b("2", 3), b("3.1", 1), b("3.2", 2), b("4", 2), b("5", 2), p("6", 2), b("7", 1),
          b("8", 2), p("9", 1), p("10", 2), b("11", 1), p("12", 1)}},
        {"Математика",
         "МА",
         "ma",
         4,
         {b("1", 1), b("2", 1), b("3", 1), b("4", 2), b("5", 2), b("6.1", 1), b("6.2", 1), b("7", 1), b("8", 2),
          p("9.1", 1), p("9.2", 1), p("10", 2), p("11", 2), p("12", 2)}},
        {"Окружающий мир",
         "ОМ",
         "om",
         4,
         {b("1", 2), b("2", 2), b("3.1", 1), b("3.2", 2), b("3.3", 1), b("4", 2), b("5", 2), b("6.1", 1), b("6.2", 2),
          p("6.3", 3), b("7", 2), b("8", 3), p("9", 3), b("10.1К1", 1), p("10.2К2", 2), p("10.2К3", 3)}},
        {"Русский язык", "РУ", "ru", 5, {b("1К1", 4), b("1К2", 3), b("1К3", 2), b("2К1", 3), b("2К2", 3),
                                         b("2К3", 3), p("2К4", 3), b("3", 2),   b("4.1", 2), b("4.2", 1),
                                         b("5", 2),   b("6", 2),   p("7.1", 2), p("7.2", 1), p("8.1", 2),
                                         p("8.2", 1), p("9", 2),   p("10", 2),  b("11", 1),  p("12", 4)}},
        {"Математика",
         "МА",
         "ma",
         5,
         {b("1", 1), b("2", 1), b("3", 1), b("4", 1), b("5", 1), b("6", 1), b("7", 2), b("8", 1), b("9", 1), p("10", 2),
          b("11.1", 1), b("11.2", 1), p("12", 2), p("13", 2), p("14", 2)}},
    };
    return all;
}

const SubjectDef& find_subject(const std::string& spec) {
    std::string known;
    for (const SubjectDef& s : known_subjects()) {
        const std::string g = std::to_string(s.grade);
        if (spec == s.subject + " " + g || spec == s.subject + ":" + g || lower_ascii(spec) == s.slug + g)
            return s;
        known += (known.empty() ? "" : ", ") + ("«" + s.subject + " " + g + "»");
    }
    throw std::runtime_error("неизвестный предмет / unknown subject «" + spec + "»; known: " + known);
}

int Boundaries::mark(int primary) const {
    return primary >= five ? 5 : primary >= four ? 4 : primary >= three ? 3 : 2;
}

Boundaries read_boundaries(const std::string& path, int year, const std::string& subject, int grade) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("не удалось открыть / cannot open " + path);
    std::stringstream text;
    text << in.rdbuf();
    const boost::json::value doc = boost::json::parse(text.str());
    if (doc.at("format").as_string() != "msoko-vpr-boundaries/1")
        throw std::runtime_error(path + ": not msoko-vpr-boundaries/1");
    for (const boost::json::value& e : doc.at("boundaries").as_array()) {
        const auto& o = e.as_object();
        if (o.at("year").to_number<int>() != year || o.at("subject").as_string() != subject ||
            o.at("grade").to_number<int>() != grade)
            continue;
        Boundaries out;
        out.max = o.at("max").to_number<int>();
        out.three = o.at("three").to_number<int>();
        out.four = o.at("four").to_number<int>();
        out.five = o.at("five").to_number<int>();
        return out;
    }
    throw std::runtime_error(path + ": нет границ отметок / no boundaries for " + std::to_string(year) + " «" +
                             subject + "» " + std::to_string(grade));
}

std::vector<SchoolDef> schools_of_form_data(const std::string& path, std::string& municipality) {
    const FormData data = read_form_data(path);
    if (const auto m = data.passport.find("municipality"); m != data.passport.end())
        municipality = m->second;
    std::vector<SchoolDef> out;
    for (const RegisterEntry& o : data.organisations) {
        if (o.type != "school")
            continue;
        SchoolDef s;
        s.login = "edu42" + std::string(o.code.size() < 4 ? 4 - o.code.size() : 0, '0') + o.code;
        s.name = o.short_name.empty() ? o.name : o.short_name;
        s.primary_only = s.name.find("НОШ") != std::string::npos;
        out.push_back(s);
    }
    if (out.empty())
        throw std::runtime_error(path + ": нет школ / no schools");
    return out;
}

std::vector<SchoolDef> numbered_schools(std::size_t count) {
    std::vector<SchoolDef> out;
    for (std::size_t i = 1; i <= count; ++i) {
        char login[16];
        std::snprintf(login, sizeof login, "edu42%04zu", i % 10000);
        out.push_back({login, "МБОУ «СОШ № " + std::to_string(i) + "»", false});
    }
    return out;
}

std::string VprFile::sheet_name() const {
    return subject.code + " " + std::to_string(subject.grade) + " Индивидуальные результаты";
}

std::string VprFile::file_stem() const {
    return "vpr-" + std::to_string(options.year) + "-" + subject.slug + std::to_string(subject.grade);
}

double Random::uniform() {
    return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0);
}

double Random::normal() {
    const double u1 = 1.0 - uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

int Random::below(int n) {
    return std::min(n - 1, static_cast<int>(uniform() * n));
}

namespace {

enum class Role { Clean, Reference, Planted, Weak, Mistakes };
const char* const kRoleNames[] = {"clean", "reference", "planted", "weak", "mistakes"};

// A pupil's points on each task: each point won with the probability of the pupil's ability against the
// task's difficulty; a planted school's pupils do the basic tasks worse and the advanced ones nearly all.
void write_work(PupilRow& row, const SubjectDef& s, const std::vector<double>& difficulty, double ability, bool planted,
                Random& rnd) {
    row.points.assign(s.tasks.size(), 0);
    row.x.assign(s.tasks.size(), false);
    for (std::size_t t = 0; t < s.tasks.size(); ++t) {
        const double p = planted && s.tasks[t].advanced ? 0.93
                         : planted                      ? 0.65 * logistic(1.7 * (ability - difficulty[t]))
                                                        : logistic(1.7 * (ability - difficulty[t]));
        for (int k = 0; k < s.tasks[t].max; ++k)
            row.points[t] += rnd.chance(p) ? 1 : 0;
        row.x[t] = row.points[t] == 0 && rnd.chance(0.3);
    }
}

int sum(const std::vector<int>& v) {
    int total = 0;
    for (int x : v)
        total += x;
    return total;
}

// A planted school's pile at the mark boundaries: a work one to three points short of a «3», «4» or «5»
// gets the missing points (the advanced tasks first).
void lift_to_boundary(PupilRow& row, const SubjectDef& s, const Boundaries& bounds, Random& rnd) {
    for (int boundary : {bounds.three, bounds.four, bounds.five}) {
        const int short_by = boundary - row.primary;
        if (short_by < 1 || short_by > 3 || !rnd.chance(0.8))
            continue;
        int need = short_by;
        for (int pass = 0; pass < 2 && need > 0; ++pass)
            for (std::size_t t = 0; t < s.tasks.size() && need > 0; ++t)
                if (s.tasks[t].advanced == (pass == 0))
                    while (need > 0 && row.points[t] < s.tasks[t].max) {
                        ++row.points[t];
                        row.x[t] = false;
                        --need;
                    }
        row.primary = sum(row.points);
        return;
    }
}

int clamp_mark(int m) {
    return std::clamp(m, 2, 5);
}

void add_journal(PupilRow& row, bool planted, Random& rnd) {
    const double missing = rnd.uniform();
    if (missing < 0.05) {
        row.journal_text = missing < 0.025;  // «нет отметки»; else the cell is empty
        return;
    }
    const int mark = row.absent ? 3 + rnd.below(3) : row.mark;
    if (planted && !row.absent) {  // the journal against the work: a «5» in the work, a «2» in the journal
        row.journal = rnd.chance(0.8) ? 7 - mark : clamp_mark(mark + 1);
        return;
    }
    const double u = rnd.uniform();
    const int delta = u < 0.55 ? 0 : u < 0.85 ? 1 : u < 0.97 ? -1 : 2;
    row.journal = clamp_mark(mark + delta);
}

}  // namespace

VprFile generate(const SubjectDef& subject, const Boundaries& boundaries, const std::vector<SchoolDef>& schools,
                 const Options& options) {
    if (subject.max() != boundaries.max)
        throw std::runtime_error("«" + subject.subject + "» " + std::to_string(subject.grade) +
                                 ": the tasks' maximum " + std::to_string(subject.max()) + " is not the boundaries' " +
                                 std::to_string(boundaries.max));
    VprFile f;
    f.subject = subject;
    f.boundaries = boundaries;
    f.options = options;
    f.options.date = options.date.empty() ? "15.04." + std::to_string(options.year) : options.date;
    // The seed and the subject give the file's draws: each file of a run has its own.
    Random rnd(options.seed * 1000003u + static_cast<std::uint64_t>(subject.grade) * 101u +
               fnv1a(subject.slug) % 1000u + static_cast<std::uint64_t>(options.year));
    for (const SchoolDef& s : schools)
        if (!(s.primary_only && subject.grade > 4))
            f.schools.push_back(s);
    if (f.schools.empty())
        throw std::runtime_error("нет школ этого класса / no school teaches grade " + std::to_string(subject.grade));

    // Roles: the planted schools; of the others the last one has the mistakes, the one before it is weak,
    // the first is the clean reference the tests compare with.
    std::vector<Role> roles(f.schools.size(), Role::Clean);
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < f.schools.size(); ++i) {
        if (std::find(options.planted.begin(), options.planted.end(), f.schools[i].login) != options.planted.end())
            roles[i] = Role::Planted;
        else
            others.push_back(i);
    }
    if (!others.empty())
        roles[others.front()] = Role::Reference;
    if (others.size() >= 3)
        roles[others[others.size() - 2]] = Role::Weak;
    if (options.mistakes && others.size() >= 2)
        roles[others.back()] = Role::Mistakes;

    for (Role r : roles)
        f.roles.push_back(kRoleNames[static_cast<int>(r)]);

    // The schools' sizes: a СОШ three times an ООШ's, a НОШ's half of it; the reference and the planted
    // school as large as a СОШ so that their figures are informative.
    std::vector<double> weight(f.schools.size());
    double total_weight = 0;
    for (std::size_t i = 0; i < f.schools.size(); ++i) {
        const std::string& n = f.schools[i].name;
        weight[i] = n.find("ООШ") != std::string::npos ? 1.0 : n.find("НОШ") != std::string::npos ? 0.5 : 3.0;
        if (roles[i] == Role::Reference || roles[i] == Role::Planted)
            weight[i] = 3.0;
        weight[i] *= 0.85 + 0.3 * rnd.uniform();
        total_weight += weight[i];
    }
    std::vector<double> difficulty;
    for (const TaskDef& t : subject.tasks)
        difficulty.push_back(t.advanced ? 0.6 + 0.8 * rnd.uniform() : -0.6 + 0.7 * rnd.uniform());

    long code = 100000 + rnd.below(9000);
    std::size_t assigned = 0;
    for (std::size_t i = 0; i < f.schools.size(); ++i) {
        const std::size_t n =
            i + 1 == f.schools.size()
                ? options.pupils - std::min(options.pupils, assigned)
                : static_cast<std::size_t>(std::floor(static_cast<double>(options.pupils) * weight[i] / total_weight));
        assigned += n;
        SchoolBlock block{i, f.pupils.size(), n, n};
        const double effect = roles[i] == Role::Reference ? 0.0
                              : roles[i] == Role::Weak    ? -0.6
                                                          : 0.1 * (rnd.uniform() - 0.5);
        const bool planted = roles[i] == Role::Planted;
        const std::size_t classes = std::max<std::size_t>(1, (n + 25) / 26);
        for (std::size_t k = 0; k < n; ++k) {
            PupilRow row;
            row.school = i;
            row.class_name = class_name(subject.grade, k * classes / std::max<std::size_t>(n, 1));
            code += 1 + rnd.below(3);
            row.code = code;
            row.variant = 1 + rnd.below(2);
            row.absent = rnd.chance(0.03);
            if (!row.absent) {
                const double ability = planted ? 1.0 + 0.7 * rnd.normal() : 0.5 + effect + 0.8 * rnd.normal();
                write_work(row, subject, difficulty, ability, planted, rnd);
                row.primary = sum(row.points);
                if (planted)
                    lift_to_boundary(row, subject, boundaries, rnd);
                row.mark = boundaries.mark(row.primary);
            }
            add_journal(row, planted, rnd);
            f.pupils.push_back(std::move(row));
        }
        f.blocks.push_back(block);
    }

    // The deliberate mistakes, all in one school; the core must find each.
    const auto it = std::find(roles.begin(), roles.end(), Role::Mistakes);
    if (it != roles.end()) {
        SchoolBlock& block = f.blocks[static_cast<std::size_t>(it - roles.begin())];
        const std::string login = f.schools[block.school].login;
        std::vector<std::size_t> present;
        for (std::size_t k = block.first; k < block.first + block.count; ++k)
            if (!f.pupils[k].absent)
                present.push_back(k);
        if (present.size() < 6)
            throw std::runtime_error("the school with the mistakes has too few pupils; give more --pupils");
        block.stated = block.count + 2;
        f.mistakes.push_back({"vpr.count", login, -1,
                              "stated " + std::to_string(block.stated) + ", rows " + std::to_string(block.count)});
        {
            PupilRow& r = f.pupils[present[0]];
            r.points[0] = subject.tasks[0].max + 1;
            r.x[0] = false;
            r.primary = sum(r.points);
            r.mark = boundaries.mark(std::min(r.primary, boundaries.max));
            f.mistakes.push_back({"vpr.score_max", login, static_cast<long>(present[0]),
                                  "task " + subject.tasks[0].label + ": " + std::to_string(r.points[0])});
        }
        if (options.mark_column) {
            f.pupils[present[1]].mark = 6;
            f.mistakes.push_back({"vpr.mark_range", login, static_cast<long>(present[1]), "mark 6"});
            PupilRow& r = f.pupils[present[2]];
            r.mark = r.mark == 5 ? 4 : r.mark + 1;
            f.mistakes.push_back({"vpr.mark_boundaries", login, static_cast<long>(present[2]),
                                  "primary " + std::to_string(r.primary) + ", mark " + std::to_string(r.mark)});
        }
        f.pupils[present[4]].code = f.pupils[present[3]].code;
        f.mistakes.push_back({"vpr.duplicate", login, static_cast<long>(present[4]), "code of another pupil"});
    }
    return f;
}

}  // namespace msoko::vprgen
