// SPDX-License-Identifier: MPL-2.0
// Writes the extension's help pages (LibreOffice .xhp) from their sources.
//   msoko-make-help SOURCE_DIR OUT_DIR
// SOURCE_DIR/<lang>/*.txt are the pages of each language in a small markup
// (README.md beside this file); OUT_DIR/<lang>/org.msoko.calc/<page>.xhp are
// what the .oxt carries. The page «kinds» of every language is written from
// the check's table of finding kinds (msoko::finding_kinds()), the same table
// docs/checks.md is rendered from.
#include "msoko/finding_kinds.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr const char* kExtension = "org.msoko.calc";

std::string escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Inline markup: `literal` and **emphasis**; everything else is text.
std::string inline_markup(const std::string& s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '`') {
            const auto end = s.find('`', i + 1);
            if (end == std::string::npos)
                throw std::runtime_error("unclosed ` in: " + s);
            out += "<item type=\"literal\">" + escape(s.substr(i + 1, end - i - 1)) + "</item>";
            i = end + 1;
        } else if (s.compare(i, 2, "**") == 0) {
            const auto end = s.find("**", i + 2);
            if (end == std::string::npos)
                throw std::runtime_error("unclosed ** in: " + s);
            out += "<emph>" + inline_markup(s.substr(i + 2, end - i - 2)) + "</emph>";
            i = end + 2;
        } else {
            const auto next = std::min(s.find('`', i), s.find("**", i));
            const auto stop = next == std::string::npos ? s.size() : next;
            out += escape(s.substr(i, stop - i));
            i = stop;
        }
    }
    return out;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep))
        parts.push_back(trim(part));
    return parts;
}

/// A page: its header (title, help ids, index entries, included pages) and its body, already in xhp.
struct Page {
    std::string stem, title;
    std::vector<std::string> hids, index, includes;
    std::string body;
};

/// Writes the body of a page's markup as xhp elements; `ids` numbers the elements of the page.
class BodyWriter {
public:
    BodyWriter(std::string lang, std::string prefix) : lang_(std::move(lang)), prefix_(std::move(prefix)) {}

    std::string convert(const std::vector<std::string>& lines) {
        for (const auto& raw : lines) {
            const std::string line = trim(raw);
            if (line.empty()) {
                flush();
                continue;
            }
            const auto hashes = line.find_first_not_of('#');
            if (hashes > 0 && hashes != std::string::npos && line[hashes] == ' ') {
                flush();
                paragraph("heading", line.substr(hashes + 1), static_cast<int>(hashes));
            } else if (line.rfind("- ", 0) == 0) {
                flush_text();
                close_table();
                list_.push_back(line.substr(2));
            } else if (line.rfind("|", 0) == 0) {
                flush_text();
                close_list();
                table_.push_back(split(line.substr(1, line.size() - (line.back() == '|' ? 2 : 1)), '|'));
            } else if (line.rfind("> ", 0) == 0) {
                flush();
                note_ = true;
                text_ += line.substr(2);
            } else {
                close_list();
                close_table();
                if (!text_.empty())
                    text_ += ' ';
                text_ += line;
            }
        }
        flush();
        return out_.str();
    }

private:
    std::string id(const char* kind) { return prefix_ + "_" + kind + std::to_string(++counter_); }

    void paragraph(const char* role, const std::string& text, int level = 0) {
        out_ << "<paragraph role=\"" << role << "\" id=\"" << id(role[0] == 'h' ? "hd" : "par") << "\" xml-lang=\""
             << lang_ << "\"";
        if (level)
            out_ << " level=\"" << level << "\"";
        out_ << ">" << inline_markup(text) << "</paragraph>\n";
    }

    void flush_text() {
        if (text_.empty())
            return;
        paragraph(note_ ? "note" : "paragraph", text_);
        text_.clear();
        note_ = false;
    }
    void close_list() {
        if (list_.empty())
            return;
        out_ << "<list type=\"unordered\">\n";
        for (const auto& item : list_) {
            out_ << "<listitem>";
            paragraph("listitem", item);
            out_ << "</listitem>\n";
        }
        out_ << "</list>\n";
        list_.clear();
    }
    void close_table() {
        if (table_.empty())
            return;
        out_ << "<table id=\"" << id("tab") << "\">\n";
        for (std::size_t r = 0; r < table_.size(); ++r) {
            out_ << "<tablerow>\n";
            for (const auto& cell : table_[r]) {
                out_ << "<tablecell>";
                paragraph(r == 0 ? "tablehead" : "tablecontent", cell);
                out_ << "</tablecell>\n";
            }
            out_ << "</tablerow>\n";
        }
        out_ << "</table>\n";
        table_.clear();
    }
    void flush() {
        flush_text();
        close_list();
        close_table();
    }

    std::string lang_, prefix_;
    int counter_ = 0;
    std::ostringstream out_;
    std::string text_;
    bool note_ = false;
    std::vector<std::string> list_;
    std::vector<std::vector<std::string>> table_;
};

Page read_page(const fs::path& file, const std::string& lang) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    Page page;
    page.stem = file.stem().string();
    std::string line;
    bool header = true;
    std::vector<std::string> body;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (header) {
            if (trim(line).empty()) {
                header = false;
                continue;
            }
            const auto colon = line.find(':');
            if (colon == std::string::npos)
                throw std::runtime_error(file.string() + ": a header line without «key:»: " + line);
            const std::string key = line.substr(0, colon), value = trim(line.substr(colon + 1));
            if (key == "title")
                page.title = value;
            else if (key == "hid")
                page.hids.push_back(value);
            else if (key == "index")
                page.index.push_back(value);
            else if (key == "include") {
                for (const auto& p : split(value, ' '))
                    if (!p.empty())
                        page.includes.push_back(p);
            } else
                throw std::runtime_error(file.string() + ": unknown header key " + key);
            continue;
        }
        body.push_back(line);
    }
    if (page.title.empty())
        throw std::runtime_error(file.string() + ": no title");
    page.body = BodyWriter(lang, page.stem).convert(body);
    return page;
}

// The page of every kind of finding, from the check's own table.
Page kinds_page(const std::string& lang) {
    const bool ru = lang == "ru";
    std::vector<std::string> lines;
    lines.push_back(ru ? "# Виды замечаний проверки" : "# The kinds of findings of the check");
    lines.push_back(
        ru ? "Все замечания, которые может выписать команда «Проверить форму», в порядке проверки: код вида "
             "(он стоит в столбце «Правило» отчёта), важность, что проверяется и текст замечания. В фигурных "
             "скобках — то, что подставляется: {организация}, {поле}, {лист}…"
           : "Every finding the command «Проверить форму» (Check the Form) can write, in the order of the "
             "check: the kind's code (the report's column «Правило» shows it), its level, what is checked "
             "and the message as the report writes it, in Russian. Braces mark what is filled in: "
             "{организация} (organisation), {поле} (field), {лист} (sheet)…");
    lines.push_back("");
    std::optional<msoko::CheckFamily> family;
    for (const auto& k : msoko::finding_kinds()) {
        if (!family || *family != k.family) {
            family = k.family;
            lines.push_back("");
            lines.push_back(std::string("## ") + msoko::family_title(k.family));
            lines.push_back(ru ? "| Код | Важность | Что проверяется | Текст замечания |"
                               : "| Code | Level | What is checked | Message |");
        }
        std::string level;
        if (!k.severity)
            level = ru ? "как у замечаний, которые он заменяет" : "that of the findings it stands for";
        else if (ru)
            level = msoko::severity_name(*k.severity);
        else
            level = *k.severity == msoko::Severity::Error     ? "Error (Ошибка)"
                    : *k.severity == msoko::Severity::Warning ? "Warning (Предупреждение)"
                                                              : "Note (Сведения)";
        std::string code = std::string("`") + k.id + "`";
        if (std::string(k.rule) != k.id)
            code += std::string(ru ? " (в отчёте: `" : " (in the report: `") + k.rule + "`)";
        std::string message = k.message, description = k.description;
        std::replace(message.begin(), message.end(), '|', '/');
        std::replace(description.begin(), description.end(), '|', '/');
        lines.push_back("| " + code + " | " + level + " | " + description + " | " + message + " |");
    }
    Page page;
    page.stem = "kinds";
    page.title = ru ? "Виды замечаний проверки" : "The kinds of findings of the check";
    page.index.push_back(ru ? "МСОКО;виды замечаний проверки" : "МСОКО;kinds of findings");
    page.index.push_back(ru ? "замечания проверки МСОКО" : "findings of the МСОКО check");
    page.body = BodyWriter(lang, page.stem).convert(lines);
    return page;
}

void write_page(const Page& page, const std::string& lang, const std::map<std::string, Page>& pages,
                const fs::path& dir) {
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!-- SPDX-License-Identifier: MPL-2.0. Written by msoko-make-help from help/"
      << lang << "/" << page.stem
      << ".txt; do not edit. -->\n"
         "<helpdocument version=\"1.0\">\n<meta>\n<topic id=\""
      << kExtension << "." << page.stem << "\" indexer=\"include\" status=\"PUBLISH\">\n<title id=\"tit\" xml-lang=\""
      << lang << "\">" << escape(page.title) << "</title>\n<filename>/" << kExtension << "/" << page.stem
      << ".xhp</filename>\n</topic>\n</meta>\n<body>\n";
    // Every page has the help id org.msoko.calc:<page>: a dialog's help-url or F1 opens it by that id.
    std::vector<std::string> hids{std::string(kExtension) + ":" + page.stem};
    hids.insert(hids.end(), page.hids.begin(), page.hids.end());
    int n = 0;
    for (const auto& hid : hids)
        x << "<bookmark xml-lang=\"" << lang << "\" branch=\"hid/" << escape(hid) << "\" id=\"bm_" << page.stem
          << "_hid" << ++n << "\" localize=\"false\"/>\n";
    if (!page.index.empty()) {
        x << "<bookmark xml-lang=\"" << lang << "\" branch=\"index\" id=\"bm_" << page.stem << "_index\">\n";
        for (const auto& entry : page.index)
            x << "<bookmark_value>" << escape(entry) << "</bookmark_value>\n";
        x << "</bookmark>\n";
    }
    x << page.body;
    for (const auto& stem : page.includes) {
        const auto it = pages.find(stem);
        if (it == pages.end())
            throw std::runtime_error(lang + "/" + page.stem + " includes " + stem + ", which is no page");
        x << "<section id=\"" << stem << "\">\n" << it->second.body << "</section>\n";
    }
    x << "</body>\n</helpdocument>\n";
    std::ofstream out(dir / (page.stem + ".xhp"), std::ios::binary);
    out << x.str();
    if (!out)
        throw std::runtime_error("cannot write " + (dir / (page.stem + ".xhp")).string());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: msoko-make-help SOURCE_DIR OUT_DIR\n";
        return 2;
    }
    try {
        const fs::path source = argv[1], out = argv[2];
        for (const char* lang : {"ru", "en"}) {
            std::map<std::string, Page> pages;
            for (const auto& entry : fs::directory_iterator(source / lang))
                if (entry.path().extension() == ".txt")
                    pages.emplace(entry.path().stem().string(), read_page(entry.path(), lang));
            pages.emplace("kinds", kinds_page(lang));
            const fs::path dir = out / lang / kExtension;
            fs::remove_all(dir);
            fs::create_directories(dir);
            for (const auto& [stem, page] : pages)
                write_page(page, lang, pages, dir);
        }
    } catch (const std::exception& e) {
        std::cerr << "msoko-make-help: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
