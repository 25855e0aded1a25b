// SPDX-License-Identifier: MPL-2.0
#pragma once

// A direction table as MSOKO.INDICATOR and MSOKO.INDICATORS receive it: the
// first row holds field codes of the catalogue, the first column holds
// organisation codes. Columns are found by code, never by position; columns
// with other headers (notes, computed cells) are ignored.
//
// Reserved header codes: `type` — ОО / ДОО / УО (or school, kindergarten,
// municipality); `flags` — marks such as «ШНОР; ШФНСУ»; `name` — the name.
// Without a `type` column every row is of the one organisation type the
// table's fields concern, and a row coded «УО» is the municipality.

#include "msoko/catalogue.hpp"
#include "msoko/engine.hpp"
#include "msoko/workbook.hpp"

#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace msoko {

struct Table {
    Workbook workbook;
    std::vector<std::string> fields;         ///< catalogue field codes found in the header, in column order
    std::vector<std::string> organisations;  ///< organisation codes, in row order
    /// Per data row of the range, its organisation code; empty for a blank row
    /// (MSOKO.INDICATORS keeps those rows, so its result lines up with the table).
    std::vector<std::string> row_codes;
    /// The table's direction, decided from all its fields (any column order):
    /// the one with the most indicators the table can compute, then the most
    /// of its own fields.
    std::string direction;
};

/// Reads a table; Invalid (with the row or column) when it cannot be read:
/// no header, a duplicate field or organisation code, a row with figures in a
/// field column but no code (other columns, such as notes, are ignored), an
/// unknown type or flag, fields that fit two directions equally.
std::variant<Table, Result> read_table(const Catalogue& catalogue, const Range& range);

/// A cell's organisation code as typed: a text as it is, a whole number
/// without decimals (4201).
std::optional<std::string> organisation_code(const Cell& cell);

/// MSOKO.INDICATOR: the indicator for one organisation of the table (when
/// `organisation` is given) or for the municipality. Invalid when the id is
/// unknown or the table lacks a field the indicator needs.
Result indicator_in_table(const Catalogue& catalogue, const Range& table, const std::string& id,
                          const std::optional<std::string>& organisation);
Result indicator_in_table(const Catalogue& catalogue, const Table& table, const std::string& id,
                          const std::optional<std::string>& organisation);

/// MSOKO.INDICATORS: one row per data row of the table (a blank row gives
/// missing data in every column, so the result lines up with the table) and a
/// last row for the municipality; one column per indicator of the table's direction,
/// in catalogue order. An indicator whose fields the table lacks is invalid
/// in every row (Err:502), as MSOKO.INDICATOR says.
struct IndicatorGrid {
    std::vector<std::string> indicators;  ///< column ids
    std::vector<std::string> rows;        ///< per table row its code ("" for a blank row), then the municipality
    std::size_t municipal_row = 0;        ///< index of the municipality's row (the last)
    std::vector<std::vector<Result>> values;
};
std::variant<IndicatorGrid, Result> indicators_in_table(const Catalogue& catalogue, const Range& table);
IndicatorGrid indicators_in_table(const Catalogue& catalogue, const Table& table);

/// The tables read last, so that the many cells computing indicators from
/// one table (a form has hundreds) read it once: a range equal cell for cell
/// to a cached one gets the cached table. Thread-safe. Bounded by memory: the
/// least recently used tables are dropped beyond `max_bytes` (as cost()
/// estimates them), and a table bigger than that is computed but not kept.
class TableCache {
public:
    using Entry = std::shared_ptr<const std::variant<Table, Result>>;
    explicit TableCache(std::size_t max_bytes = std::size_t{64} << 20) : max_bytes_(max_bytes) {}
    Entry get(const Catalogue& catalogue, const Range& range);
    /// Drops every table (a document was closed).
    void clear();
    std::size_t hits() const;
    /// The memory the kept tables take, as cost() estimates it.
    std::size_t bytes() const;
    /// Estimated memory of keeping a range and the table read from it.
    static std::size_t cost(const Range& range);

private:
    struct Kept {
        const Catalogue* catalogue;
        Range range;
        Entry entry;
        std::size_t bytes;
    };
    mutable std::mutex mutex_;
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::size_t hits_ = 0;
    std::list<Kept> entries_;  // most recent first
};

/// The rows of a range up to its last row holding anything: a whole-column
/// table (`A:C`) keeps its 40 rows of data, not a million empty ones.
Range without_trailing_empty_rows(Range range);

}  // namespace msoko
