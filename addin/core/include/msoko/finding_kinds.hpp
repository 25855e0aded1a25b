// SPDX-License-Identifier: MPL-2.0
#pragma once

// Every kind of finding the check before submission can report, in one table:
// its id, the family of checks it belongs to, its severity, the Russian
// template of its message and a one-line description. The check builds each
// message from its kind's template, and docs/checks.md is rendered from the
// same table, so that a methodologist reads exactly what the form undergoes.

#include "msoko/catalogue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msoko {

enum class Severity { Error, Warning, Info };

/// «Ошибка», «Предупреждение», «Сведения».
const char* severity_name(Severity s);

/// The families of checks, in the order the check runs them.
enum class CheckFamily : std::uint8_t {
    Identity,      ///< is this a form of the installed catalogue and version
    Passport,      ///< the passport's required items and their types
    Structure,     ///< sheets and columns of the form
    Register,      ///< the register «Организации» and the organisations of the direction sheets
    Cells,         ///< each figure on the direction sheets: type, range, required, the form's formulas
    Rules,         ///< the catalogue's rules between figures
    Indicators,    ///< the sheet «Показатели»
    Procedures,    ///< the sheet «Процедуры оценки»
    Plausibility,  ///< warnings a specialist should look at
    Report,        ///< what the report itself adds
};

/// «Принадлежность формы», «Структура книги»…
const char* family_title(CheckFamily f);

struct FindingKind {
    const char* id;  ///< e.g. `structure.column`, `rule.part_whole`
    /// What a finding of the kind says in `Finding::rule`: its id, or the
    /// rule id it shares with other kinds, or a pattern such as
    /// `{направление}/part_whole` for the catalogue's rules.
    const char* rule;
    CheckFamily family;
    /// The severity; none for a kind that takes the severity of the findings it stands for.
    std::optional<Severity> severity;
    /// The message, Russian, with its variable parts in braces: «{организация}: не заполнено
    /// обязательное поле «{поле}».»
    const char* message;
    const char* description;  ///< one line, Russian
};

/// Every kind, grouped by family in the order the check runs.
const std::vector<FindingKind>& finding_kinds();
/// The kind of an id, or null.
const FindingKind* finding_kind(std::string_view id);

/// The message of a template with each {slot} replaced by its value (slots
/// not given stay as they are).
std::string render_message(std::string_view message_template,
                           const std::vector<std::pair<std::string_view, std::string>>& values);

/// Does `text` read as `message_template` with some text in each slot?
bool matches_template(std::string_view message_template, std::string_view text);

/// Ids unique per catalogue rule, in the order of `catalogue.rules`:
/// `5.1.1/part_whole/noo_excellent` (direction, kind, the field the finding is
/// at; further fields, then the rule's number, when that is not unique yet).
std::vector<std::string> rule_ids(const Catalogue& catalogue);

/// docs/checks.md: every kind, grouped by family, in Russian.
std::string checks_markdown();

}  // namespace msoko
