// SPDX-License-Identifier: MPL-2.0
#pragma once

// The data of one municipal workbook as the engine sees it: the organisations
// (rows of the form) and, per field, each organisation's cell exactly as it
// was typed. Nothing here interprets or changes a value.

#include "msoko/cell.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace msoko {

/// A row of the form: a school, a kindergarten or the municipality itself.
struct Organisation {
    std::string code;                ///< the organisation's code in the form (unique)
    std::string name;                ///< its name, e.g. МБОУ «Ольховоборская СОШ»
    std::string type;                ///< an organisation type id of the catalogue
    std::vector<std::string> flags;  ///< flag ids of the catalogue, e.g. shnor

    bool has_flag(const std::string& flag) const;
};

class Workbook {
public:
    /// Adds a row; returns false (and adds nothing) when the code is taken.
    bool add(Organisation organisation);
    /// Sets the cell of `field` for the organisation `code`, as typed;
    /// returns false (and sets nothing) when no organisation has that code.
    bool set(const std::string& code, const std::string& field, Cell value);

    const std::vector<Organisation>& organisations() const { return organisations_; }
    const Organisation* organisation(const std::string& code) const;
    /// The cell as typed; an empty cell when nothing was set.
    const Cell& value(const std::string& code, const std::string& field) const;

private:
    std::vector<Organisation> organisations_;
    std::unordered_map<std::string, std::size_t> organisation_index_;
    std::unordered_map<std::string, std::size_t> field_index_;
    std::vector<std::vector<Cell>> values_;  ///< [organisation][field]; rows grow as fields are set
};

}  // namespace msoko
