// SPDX-License-Identifier: MPL-2.0
#pragma once

// Where a sub-form came from (msoko/subform.hpp): apart, so that the form's
// data (msoko/form_data.hpp) can carry it.

#include <string>

namespace msoko {

/// Where a sub-form came from, as its block says.
struct SubformOrigin {
    std::string organisation;       ///< its code in the register
    std::string organisation_name;  ///< its short name, as the municipal form had it
    std::string form_id;            ///< the municipal form's form_id()
    std::string made_at;            ///< «02.12.2026 10:15»
};

}  // namespace msoko
