// SPDX-License-Identifier: MPL-2.0
#include "msoko/cell.hpp"

#include "msoko/text.hpp"

#include <stdexcept>

namespace msoko {

std::string cell_text(const Cell& c) {
    switch (c.kind()) {
        case Cell::Kind::Text:
            return c.text();
        case Cell::Kind::Number:
            return format_number(c.number());
        case Cell::Kind::Empty:
        case Cell::Kind::Error:
            break;
    }
    return {};
}

Range::Range(std::size_t rows, std::size_t cols, std::vector<Cell> cells)
    : rows_(rows), cols_(cols), cells_(std::move(cells)) {
    if (rows_ * cols_ != cells_.size())
        throw std::invalid_argument("Range: cell count does not match rows × cols");
}

Range Range::single(Cell c) {
    std::vector<Cell> cells;
    cells.push_back(std::move(c));
    return Range(1, 1, std::move(cells));
}

}  // namespace msoko
