// SPDX-License-Identifier: MPL-2.0
#pragma once

// A sub-form: the part of the municipal form one school or kindergarten
// fills itself, checks itself and sends back. It is a form of the same
// catalogue and version whose register holds that one organisation, and
// whose passport carries a block saying whose it is and which municipal
// form it came from (the form's id). This header is the sub-form's contract:
// the block's place and labels, the form's id, and reading the block back.
// Pure: the extension and the command line read the workbooks.

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/subform_origin.hpp"
#include "msoko/validation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace msoko {

/// The first sheet of a sub-form: what the organisation does with it.
inline constexpr const char* kInstructionSheet = "Инструкция";
/// The sheet of the municipal form that lists what the merge of the sub-forms found.
inline constexpr const char* kCollectionSheet = "Сбор форм";

/// Keys of the sub-form block's items.
inline constexpr const char* kSubformOrganisation = "subform_organisation";           ///< the organisation's code
inline constexpr const char* kSubformOrganisationName = "subform_organisation_name";  ///< its short name
inline constexpr const char* kSubformFormId = "subform_form_id";  ///< form_id() of the municipal form
inline constexpr const char* kSubformMadeAt = "subform_made_at";  ///< when it was made, as the user reads it

/// The block of a sub-form's passport: a heading, then its items (label in
/// column A, value in column B), on the rows a frozen copy's stamp takes (a
/// sub-form is never stamped). Its labels repeat no passport label, so a
/// sub-form's passport reads as a form's; every cell of it is protected.
struct SubformBlock {
    static constexpr const char* kHeading =
        "Форма организации: заполняется организацией и возвращается в муниципалитет";
    int heading_row = 0;           ///< 0-based
    std::vector<StampItem> items;  ///< in their order, each on the row below the one before

    /// The item of `key`, or null.
    const StampItem* item(const std::string& key) const;
    int last_row() const;
    /// The block of the passport of this layout (where its stamp would be).
    static SubformBlock of(const PassportLayout& passport);
    /// Is `label` (trimmed) the heading or an item's label of the block?
    static bool is_block_label(const std::string& label);
};

/// The id of a municipal form: 12 lower-case hex digits of the SHA-256 of its
/// catalogue id, region, municipality and period (each trimmed, with its
/// length before it). The same form gives the same id however often its sub-forms
/// are made; another municipality, region or year gives another one.
std::string form_id(const std::string& catalogue_id, const std::string& region, const std::string& municipality,
                    const std::string& period);

/// The block of a workbook's passport, found by its heading in column A
/// (wherever rows inserted by the user moved it) and its items by their
/// labels below it; nullopt when the workbook has no passport or its passport
/// no block: it is not a sub-form.
std::optional<SubformOrigin> read_subform_origin(const WorkbookSnapshot& workbook);

// --- making the sub-forms of a municipal form (subform_make.cpp) ---------------

/// The sub-form of one organisation of the register.
struct Subform {
    RegisterEntry organisation;
    FormData data;  ///< data.subform set: form_fods writes it as a sub-form
    std::string
        file_name;  ///< «101 МБОУ Школа № 1.ods»: code, space, short name (characters a file name cannot hold replaced)
};

/// The file name of an organisation's sub-form: «101 МБОУ Школа № 1.ods» (its
/// short name, or its name when it has none; what a file name cannot hold
/// replaced by «-», as suggested_file_name does; at most 120 bytes before «.ods»).
std::string subform_file_name(const RegisterEntry& organisation);

/// One sub-form per organisation of the municipal form's register, in its
/// order: its passport (municipality, region, period; the counts 1 for its
/// type, 0 for the others), its one register row, whatever the municipal form
/// holds for it (typed cells, as typed), the block (form_id() of the
/// municipal form, `made_at`), and whom to send it back to (the municipal
/// form's responsible person and contacts). Last year's values are the
/// municipality's only: a sub-form carries none.
/// @throws std::runtime_error with a Russian message when the workbook is not a form of this catalogue
///   and version, or is itself a sub-form, or its register is empty or holds a code twice.
std::vector<Subform> make_subforms(const Catalogue& catalogue, const WorkbookSnapshot& municipal,
                                   const std::string& made_at);

}  // namespace msoko
