// SPDX-License-Identifier: MPL-2.0
#pragma once

// What fills a form: the passport, the register of organisations, the
// figures as typed, last year's municipal values and evidence — read from a
// `msoko-form-data/1` JSON file (samples/data/*.json). Values stay as typed.

#include "msoko/cell.hpp"
#include "msoko/explanations.hpp"
#include "msoko/subform_origin.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace msoko {

struct RegisterEntry {
    std::string code;
    std::string name;        ///< full official name
    std::string short_name;  ///< as shown in tables
    std::string type;        ///< an organisation type of the catalogue's register (school, kindergarten…)
    std::vector<std::string> flags;
};

struct Evidence {
    std::string document, date, link;
};

/// One assessment procedure of the municipality, as «Процедуры оценки» gets
/// it (`"procedures": [{name, direction, level, method, frequency,
/// participants, conducted_by, document, document_date, use}]` in the file).
/// Each member as typed; `direction` a direction id of the catalogue (written
/// as its sheet's name; another text as it is), `document_date` ISO 8601
/// ("2024-08-30", written as a date) or any text (written as text).
struct ProcedureEntry {
    std::string name, direction, level, method, frequency, participants, conducted_by, document, document_date, use;
};

/// One cell typed over what the form generates (for example a typed value
/// where the form has a formula): `sheet` is a direction id, or
/// `organisations`, `indicators`, `passport`; `column` a field id or
/// `code`, `name`, `type`, `flags`.
struct Override {
    std::string sheet, org, column;
    Cell value;
};

/// The register's rows of a type the data file does not size.
inline constexpr std::size_t kDefaultRegisterRows = 30;
/// The most rows of one type a data file may ask for.
inline constexpr std::size_t kMaxRegisterRows = 2000;

struct FormData {
    std::map<std::string, std::string> passport;  ///< municipality, region, period, responsible, …
    /// Rows of the register per organisation type, by the type's plural
    /// (`"schools": 15` in the file); at least as many as it has
    /// organisations of the type. A type not named: kDefaultRegisterRows.
    std::map<std::string, std::size_t> rows;
    std::vector<RegisterEntry> organisations;
    /// code → field → typed value; a text starting with "=" is a formula
    std::map<std::string, std::map<std::string, Cell>> values;
    std::map<std::string, double> previous;    ///< indicator → last year's value
    std::map<std::string, Evidence> evidence;  ///< flag indicator → its documents
    std::vector<Override> overrides;
    /// The municipality's assessment procedures, in their order.
    std::vector<ProcedureEntry> procedures;
    /// Rows of «Процедуры оценки» (`"procedure_rows": 40`); at least as many as
    /// `procedures`. Not set: kDefaultProcedureRows (msoko/form_layout.hpp).
    std::optional<std::size_t> procedure_rows;
    /// The user's explanations of the check's warnings, kept in the form
    /// (msoko/explanations.hpp; `"explanations": [{kind, sheet, cell,
    /// organisation, field, text}]` in the file).
    std::vector<Explanation> explanations;
    /// Set: the form is a sub-form of one organisation (msoko/subform.hpp) —
    /// the writer adds the instruction sheet and the block, protects the
    /// passport's municipality, region, period and counts and the register's
    /// row, hides the sheets the organisation has nothing to fill on and
    /// «Показатели», and leaves no input cell in the municipal rows.
    std::optional<SubformOrigin> subform;
    /// For a sub-form: whom it goes back to — the municipal form's
    /// responsible person, position, phone and e-mail (by their passport
    /// keys), told on the instruction sheet.
    std::map<std::string, std::string> subform_return_to;

    /// The register's rows of the type of this plural (before its organisations are counted).
    std::size_t register_rows(const std::string& plural) const;
};

/// Reads a data file. @throws std::runtime_error naming the file and place.
FormData read_form_data(const std::string& path);
FormData parse_form_data(const std::string& json, const std::string& file);

/// The data as a `msoko-form-data/1` file (one member a line, lists one item
/// a line); parse_form_data of it gives the same data back. `catalogue_id`,
/// when given, is written as `catalogue`. A sub-form's origin is not written.
std::string form_data_json(const FormData& data, const std::string& catalogue_id = {});

}  // namespace msoko
