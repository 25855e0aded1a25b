// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace msoko {

/// One cell as the spreadsheet gave it: empty, a number, a text or an error
/// value. Text is kept exactly as typed (UTF-8); nothing is coerced here.
class Cell {
public:
    enum class Kind { Empty, Number, Text, Error };

    /// An empty cell.
    Cell() : Cell(Kind::Empty, 0.0, {}) {}
    static Cell empty() { return Cell(Kind::Empty, 0.0, {}); }
    static Cell number(double v) { return Cell(Kind::Number, v, {}); }
    static Cell text(std::string s) { return Cell(Kind::Text, 0.0, std::move(s)); }
    static Cell error() { return Cell(Kind::Error, 0.0, {}); }

    Kind kind() const { return kind_; }
    bool is_empty() const { return kind_ == Kind::Empty; }
    /// The number; meaningful only when kind() is Number.
    double number() const { return number_; }
    /// The text; meaningful only when kind() is Text.
    const std::string& text() const { return text_; }

    /// Same kind and same contents (numbers compared exactly).
    bool operator==(const Cell& o) const {
        return kind_ == o.kind_ && (kind_ != Kind::Number || number_ == o.number_) &&
               (kind_ != Kind::Text || text_ == o.text_);
    }
    bool operator!=(const Cell& o) const { return !(*this == o); }

private:
    Cell(Kind k, double v, std::string s) : kind_(k), number_(v), text_(std::move(s)) {}
    Kind kind_;
    double number_;
    std::string text_;
};

/// A cell as text: a text as typed, a number as a person writes it (4201,
/// 12.5), "" for an empty or an error cell.
std::string cell_text(const Cell& c);

/// A rectangular block of cells in row-major order: a function argument that
/// was a range, or a single value (1 × 1).
class Range {
public:
    Range() = default;
    Range(std::size_t rows, std::size_t cols, std::vector<Cell> cells);
    /// A 1 × 1 range holding one value.
    static Range single(Cell c);

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    std::size_t size() const { return cells_.size(); }
    /// Cell at zero-based row r and column c.
    const Cell& at(std::size_t r, std::size_t c) const { return cells_[r * cols_ + c]; }
    const std::vector<Cell>& cells() const { return cells_; }

    bool operator==(const Range& o) const { return rows_ == o.rows_ && cols_ == o.cols_ && cells_ == o.cells_; }

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    std::vector<Cell> cells_;
};

}  // namespace msoko
