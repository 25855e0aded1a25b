// SPDX-License-Identifier: MPL-2.0
#pragma once

// The form writer: the whole form as one flat ODF document, sheet by sheet,
// from the catalogue, the layout (msoko/form_layout.hpp) and a data file.
// Private to form_writer.cpp and form_sheets.cpp.

#include "form_odf.hpp"
#include "msoko/form.hpp"

#include <map>
#include <string>
#include <vector>

namespace msoko::odf {

/// The comment over an indicator's title in its block and on «Показатели»:
/// its group, which change is better, its note (empty: nothing to say).
std::string indicator_comment(const Indicator& ind);

class Writer {
public:
    /// @throws std::runtime_error when an organisation's type is not a type of the register.
    Writer(const Catalogue& c, const FormData& d, const std::string& generator);

    std::string write();

private:
    // form_writer.cpp
    Sheet passport();
    Sheet register_sheet();
    void apply_overrides(std::vector<Sheet>& sheets);
    // form_subform.cpp: what a sub-form adds
    /// The first sheet of a sub-form: what the organisation does with it, whose it is, whom to send it to.
    Sheet instruction();
    /// The sub-form's block in the passport (SubformBlock), protected.
    void subform_block(Sheet& passport);
    /// Does the organisation of a sub-form have nothing to fill on a direction sheet (it is hidden)?
    bool nothing_to_fill(const DirectionSheet& ds) const;
    // form_sheets.cpp
    Sheet direction(const DirectionSheet& ds);
    void direction_rows(const DirectionSheet& ds, Sheet& sh);
    /// The indicator block; `heads`: the fields' titles of the header row it shares.
    void direction_block(const DirectionSheet& ds, Sheet& sh, std::vector<std::string> heads);
    Sheet indicators();
    // form_procedures.cpp
    Sheet procedures();

    /// The organisation in a register slot of `type`, or null.
    const RegisterEntry* org_in(const std::string& type, std::size_t slot) const;
    /// The attribute giving an input cell of `field` its data validity.
    std::string validity(const Field& field, const std::string& requirement = {});
    void apply_pane(Sheet& sh) const;

    const Catalogue& c_;
    const FormData& d_;
    const SubformOrigin* sub_ = nullptr;  // d_.subform: the form is a sub-form
    std::string generator_;
    std::map<std::string, std::vector<const RegisterEntry*>> by_type_;  // register entries per type, in order
    FormLayout layout_;
    std::vector<SheetPane> panes_;
    Validations validations_;
    std::map<std::string, std::string> names_;  // named range → ODF range address
};

}  // namespace msoko::odf
