// SPDX-License-Identifier: MPL-2.0
#pragma once

// The kinds of finding as the check's code names them: an index into
// finding_kinds(), which lists them in this order.

#include "msoko/finding_kinds.hpp"

#include <cstdint>
#include <string_view>

namespace msoko::check {

enum class K : std::uint8_t {
    // identity
    NotAForm,
    OtherCatalogue,
    OtherVersion,
    OlderVersion,
    Period,
    // passport
    PassportRequired,
    PassportContact,
    PassportCount,
    PassportDate,
    // structure
    SheetExtra,
    SheetOrder,
    RegisterMissing,
    DirectionMissing,
    IndicatorsMissing,
    SheetName,
    Column,
    ColumnExtra,
    ColumnOrder,
    // register
    DuplicateCode,
    DuplicateName,
    NameMissing,
    RegisterCount,
    UnknownCode,
    RegisterEmpty,
    RegisterNone,
    RowWithoutCode,
    RowsWithoutCode,
    // sub-form
    SubformOrganisationMissing,
    SubformOtherOrganisation,
    SubformExtraOrganisation,
    // cells
    CodeError,
    FormulaError,
    FormulaOverwritten,
    LinkedOverwritten,
    ErrorValue,
    TypeCount,
    TypeNumber,
    TypeYesNo,
    Required,
    Link,
    // rules
    PartWhole,
    SumEquals,
    SumWithin,
    SameValue,
    Implies,
    CoversRegister,
    CoversRegisterSum,
    EvidenceMissing,
    EvidenceDate,
    EvidenceDateOld,
    // «Показатели»
    IndicatorOverwritten,
    LastYear,
    // «Процедуры оценки»
    ProceduresMissing,
    ProcedureRequired,
    ProcedureObject,
    ProcedureLevel,
    ProcedureDocumentNumber,
    ProcedureDate,
    ProcedureDateRange,
    // plausibility
    Dynamics,
    ZeroBase,
    SmallBase,
    Outlier,
    // report
    More,
    Unmarked,
    UnmarkedStyles,
    Count_
};

const FindingKind& kind(K k);

/// A text of the table with the form's names filled from the form's contract
/// when the table is built: «{#passport}», «{#register}», «{#indicators}»,
/// «{#procedures}» (the sheets), {#period}, {#catalogue_version} (passport labels). Kept for the
/// program's life.
const char* form_text(std::string_view text);

}  // namespace msoko::check
