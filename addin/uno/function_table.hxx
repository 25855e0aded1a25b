// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <string_view>
#include <vector>

namespace msoko::uno {

/// A user-facing text in the two languages of the product (UTF-8).
struct Text {
    const char* ru;
    const char* en;
    const char* in(bool russian) const { return russian ? ru : en; }
};

struct ParameterInfo {
    Text name;
    Text description;
};

/// Everything the Function Wizard shows about one function. This table is
/// the only place where a function's names and descriptions are written.
struct FunctionInfo {
    const char* method;  ///< IDL method name: the programmatic name, stored in files
    Text display;        ///< the name typed in a cell, Russian and English
    Text description;
    std::vector<ParameterInfo> parameters;  ///< in IDL order
};

const std::vector<FunctionInfo>& function_table();

/// The function with this IDL method name, or nullptr.
const FunctionInfo* find_by_method(std::string_view method);

/// The function whose Russian or English display name is `display`
/// (Latin letters compared case-insensitively, Cyrillic exactly), or nullptr.
const FunctionInfo* find_by_display(std::string_view display);

}  // namespace msoko::uno
