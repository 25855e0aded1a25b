// SPDX-License-Identifier: MPL-2.0
#pragma once

// A small reader of the flat ODF the form writer makes, for tests: every
// sheet's cells by (row, column) with their text, formula, style and data
// validity, and the validities' help titles.

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <map>
#include <sstream>
#include <string>
#include <utility>

namespace msoko::test {

struct FodsCell {
    std::string text, formula, style, validation, value_type, value;
    std::string comment;  ///< the paragraphs of its office:annotation, joined by "\n"
};

struct Fods {
    std::map<std::string, std::map<std::pair<int, int>, FodsCell>> sheets;  ///< sheet → (row, column) → cell
    std::vector<std::string> sheet_order;
    std::map<std::string, std::string> validation_titles;      ///< name → help title
    std::map<std::string, std::string> validation_conditions;  ///< name → condition
    std::map<std::string, std::string> validation_helps;       ///< name → help text
    std::map<std::string, std::string> named_ranges;           ///< name → address

    const FodsCell& at(const std::string& sheet, int row, int col) const {
        static const FodsCell none;
        const auto s = sheets.find(sheet);
        if (s == sheets.end())
            return none;
        const auto c = s->second.find({row, col});
        return c == s->second.end() ? none : c->second;
    }
};

inline Fods read_fods(const std::string& text) {
    namespace pt = boost::property_tree;
    pt::ptree tree;
    std::istringstream in(text);
    pt::read_xml(in, tree);
    Fods out;
    const pt::ptree& spreadsheet = tree.get_child("office:document.office:body.office:spreadsheet");
    auto attr = [](const pt::ptree& node, const char* name) {
        return node.get<std::string>(std::string("<xmlattr>.") + name, "");
    };
    for (const auto& [tag, node] : spreadsheet) {
        if (tag == "table:content-validations") {
            for (const auto& [vtag, v] : node)
                if (vtag == "table:content-validation") {
                    out.validation_titles[attr(v, "table:name")] =
                        v.get<std::string>("table:help-message.<xmlattr>.table:title", "");
                    out.validation_conditions[attr(v, "table:name")] = attr(v, "table:condition");
                    std::string help;  // its paragraphs, joined by "\n"
                    if (const auto message = v.get_child_optional("table:help-message"))
                        for (const auto& [ptag, p] : *message)
                            if (ptag == "text:p")
                                help += (help.empty() ? "" : "\n") + p.data();
                    out.validation_helps[attr(v, "table:name")] = help;
                }
        } else if (tag == "table:named-expressions") {
            for (const auto& [ntag, n] : node)
                if (ntag == "table:named-range")
                    out.named_ranges[attr(n, "table:name")] = attr(n, "table:cell-range-address");
        } else if (tag == "table:table") {
            const std::string name = attr(node, "table:name");
            out.sheet_order.push_back(name);
            auto& cells = out.sheets[name];
            int row = 0;
            auto read_row = [&](const pt::ptree& r) {
                int col = 0;
                for (const auto& [ctag, c] : r) {
                    if (ctag == "table:covered-table-cell")
                        ++col;  // under a cell spanning columns
                    if (ctag != "table:table-cell")
                        continue;
                    const std::string repeated = attr(c, "table:number-columns-repeated");
                    FodsCell cell{"",
                                  attr(c, "table:formula"),
                                  attr(c, "table:style-name"),
                                  attr(c, "table:content-validation-name"),
                                  attr(c, "office:value-type"),
                                  attr(c, "office:value"),
                                  ""};
                    for (const auto& [ptag, p] : c)
                        if (ptag == "text:p")
                            cell.text += p.data();
                        else if (ptag == "office:annotation")
                            for (const auto& [atag, a] : p)
                                if (atag == "text:p")
                                    cell.comment += (cell.comment.empty() ? "" : "\n") + a.data();
                    if (!repeated.empty()) {
                        col += std::stoi(repeated);
                        continue;
                    }
                    cells[{row, col++}] = cell;
                }
                ++row;
            };
            for (const auto& [rtag, r] : node) {
                if (rtag == "table:table-row")
                    read_row(r);
                else if (rtag == "table:table-header-rows")
                    for (const auto& [htag, h] : r)
                        if (htag == "table:table-row")
                            read_row(h);
            }
        }
    }
    return out;
}

}  // namespace msoko::test
