// SPDX-License-Identifier: MPL-2.0
// A table for a terminal (commands.hxx): columns padded to their widest cell.
#include "commands.hxx"
#include "msoko/text.hpp"

#include <algorithm>

namespace msoko::cli {

void print_table(const std::vector<std::vector<std::string>>& rows, std::ostream& out, std::size_t last_width) {
    if (rows.empty())
        return;
    std::vector<std::size_t> w(rows.front().size(), 0);
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size() && c < w.size(); ++c)
            w[c] = std::max(w[c], width(r[c]));
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t c = 0; c < r.size(); ++c) {
            if (r[c].empty() && c + 1 == r.size())
                break;
            const bool last = c + 1 == r.size();
            line += last ? (last_width ? truncate_utf8(r[c], last_width) : r[c]) : pad(r[c], w[c]) + "  ";
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << "\n";
    }
}

}  // namespace msoko::cli
