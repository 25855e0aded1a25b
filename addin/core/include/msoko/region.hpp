// SPDX-License-Identifier: MPL-2.0
#pragma once

// The regional center's side (issue 17, seed 003): the municipal forms of a
// region, each as the figures it says (msoko/submission.hpp: read from a
// form in the office, or from a submission package's `indicators.json`),
// accepted or refused one by one, then consolidated — the region's values
// (Σ numerators / Σ denominators over every organisation of every accepted
// municipality, never a mean of municipal percentages), the ranking of the
// «мотивирующий мониторинг» (docs/region.md) and each municipality's
// profile. Pure: no office; the region workbook is rendered from this model
// (msoko/region_workbook.hpp).

#include "msoko/catalogue.hpp"
#include "msoko/report_model.hpp"
#include "msoko/submission.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace msoko {

/// One municipal form as the region received it.
struct RegionForm {
    std::string file;  ///< as given (its name is shown)
    /// What was read: a form in the office (`workbook`), a package folder
    /// (`package`) or its `indicators.json` (`json`).
    enum class Source { Workbook, Package, Json };
    Source source = Source::Workbook;
    SubmissionFigures figures;
    /// When it was prepared: the package's `prepared_at`, else the file's
    /// modification time (ISO 8601): tells the newer of two forms apart.
    std::string prepared_at;
    /// The check's findings: every row for a workbook checked here; for a
    /// package, its warnings (its errors: none, a package is only made of a
    /// ready form).
    std::vector<ReportRow> findings;
    /// Read from a frozen copy (its passport stamped): «Показатели» holds
    /// values there, not formulas, which is how a frozen copy is meant to be.
    bool frozen_copy = false;
};

/// A file that could not be read as a form at all (not a form, damaged,
/// password-protected, the office lost on it): its line in «Готовность».
struct RegionFailure {
    std::string file;
    std::string message;  ///< Russian first
};

/// How the forms become one region.
struct RegionOptions {
    /// The municipalities expected (empty: none is missing); compared as
    /// region_key() compares names.
    std::vector<std::string> expected;
    /// Two forms of one municipality and period: take the newer one (else
    /// neither is used, and the finding says so).
    bool take_newer = false;
    /// The period consolidated; empty: the period most of the forms give.
    std::string period;
    /// A municipality whose denominator for a share is below this (people,
    /// organisations) is shown in the ranking but flagged, and not scored
    /// (CheckSettings::small_base, the check's own threshold).
    double small_base = 10;
};

/// What became of one form: accepted into the region, or why not.
struct RegionEntry {
    enum class Status {
        Accepted,  ///< in the region's values
        NotReady,  ///< accepted, but its check found errors: its values are used, the line says so
        Refused,   ///< another catalogue, version or period; a duplicate not taken
        Failed,    ///< could not be read at all
    };
    Status status = Status::Accepted;
    std::string municipality;  ///< from the passport; for a failure, empty
    std::string file;
    std::string catalogue;  ///< «msoko-267-1 2026.1»
    std::string period;
    std::string check_summary;
    std::size_t errors = 0, warnings = 0;
    std::string responsible, filled_on, prepared_at;
    std::string message;  ///< why refused or failed, or what the region should know (Russian)
    /// Index into Region::forms (accepted and refused forms); none for a failure.
    std::optional<std::size_t> form;
};

/// The region's value of one indicator.
struct RegionValue {
    const Indicator* indicator = nullptr;
    std::optional<double> value;  ///< none when no municipality gives the sums
    /// Σ over the municipalities counted (a share's numerator and
    /// denominator; a count's or sum's total; a yes/no: the municipalities
    /// answering «да» over those answering).
    std::optional<double> numerator, denominator;
    std::size_t municipalities = 0;          ///< counted in the value
    std::vector<std::string> without_value;  ///< accepted municipalities without a value of their own
    /// How the value is made: `ratio` (Σ/Σ × multiplier), `sum` (Σ of the
    /// municipal values), `yes_count` (municipalities answering «да»).
    std::string method;
    std::string unit;  ///< the region's unit («%», «чел.», «МО с «да»»)
};

/// One municipality's place on one indicator.
struct RegionScore {
    std::optional<double> value;  ///< its value
    std::optional<double> score;  ///< 0–100; none when not scored
    std::size_t place = 0;        ///< 1-based among the scored; 0 when not scored
    bool small_base = false;      ///< its denominator is below RegionOptions::small_base
};

/// The ranking of one indicator (a headline whose better direction is known).
struct IndicatorRanking {
    const Indicator* indicator = nullptr;
    std::vector<RegionScore> scores;    ///< one per Region::municipalities, in that order
    std::size_t scored = 0;             ///< municipalities with a score
    std::optional<double> best, worst;  ///< the values that get 100 and 0
};

/// A municipality's totals.
struct MunicipalTotal {
    std::vector<std::optional<double>> directions;  ///< per Catalogue::directions: mean score, none without any
    std::optional<double> total;                    ///< the mean of the directions' totals
    std::size_t place = 0;                          ///< 1-based; 0 without a total
    int zone = 0;                                   ///< 1 (the best quarter) … 4; 0 without a total
};

/// One line of a municipality's profile.
struct ProfileLine {
    const Indicator* indicator = nullptr;
    std::optional<double> value, region;
    std::optional<double> score;
    std::size_t place = 0;
    bool small_base = false;
    std::optional<double> last_year, dynamics;
};

struct MunicipalProfile {
    std::vector<ProfileLine> lines;      ///< every indicator of the catalogue (duplicates left out), in order
    std::vector<std::size_t> strongest;  ///< indexes into lines: the best scores (at most 5)
    std::vector<std::size_t> weakest;    ///< the worst scores (at most 5)
};

/// A municipality accepted into the region.
struct RegionMunicipality {
    std::string name;
    std::size_t form = 0;  ///< index into Region::forms
    /// Its figures, per indicator of the catalogue in order (null when its
    /// form lacks the indicator).
    std::vector<const IndicatorFigures*> figures;
};

/// Move-only: RegionMunicipality::figures point into `forms`.
struct Region {
    Region() = default;
    Region(Region&&) = default;
    Region& operator=(Region&&) = default;
    Region(const Region&) = delete;
    Region& operator=(const Region&) = delete;

    std::string catalogue;  ///< «msoko-267-1 2026.1»
    std::string period;
    std::string title;       ///< the region (субъект) most forms name
    double small_base = 10;  ///< RegionOptions::small_base, as the ranking used it
    std::vector<RegionForm> forms;
    std::vector<RegionEntry> entries;  ///< every file, in the order given; then the missing municipalities
    std::vector<std::string> missing;  ///< expected municipalities without a form
    std::vector<RegionMunicipality> municipalities;  ///< accepted, sorted by name
    std::vector<RegionValue> values;                 ///< per indicator of the catalogue, in order
    std::vector<IndicatorRanking> rankings;          ///< the ranked indicators, in catalogue order
    std::vector<MunicipalTotal> totals;              ///< per municipality
    std::vector<MunicipalProfile> profiles;          ///< per municipality
    /// Indexes of municipalities by their overall place (the unranked last, by name).
    std::vector<std::size_t> by_place;
    std::size_t accepted() const { return municipalities.size(); }
    const RegionValue* value(const std::string& indicator) const;
};

/// The name as two forms of one municipality compare: lower case, ё as е,
/// quotes, punctuation and repeated spaces dropped.
std::string region_key(const std::string& name);

/// The forms made one region. Nothing here throws for a form's contents.
Region consolidate(const Catalogue& catalogue, std::vector<RegionForm> forms,
                   const std::vector<RegionFailure>& failures, const RegionOptions& options = {});

/// The ranked indicators' rule, in Russian, for the «Рейтинг» sheet and the docs.
std::string ranking_rule_text(double small_base);

/// The Russian zone name: 1 «высокий уровень» … 4 «низкий уровень».
const char* zone_title(int zone);

/// A status as the «Готовность» sheet says it: «принята», «принята, есть ошибки», «не принята», «не прочитана».
const char* entry_status_text(RegionEntry::Status status);

// --- reading packages -------------------------------------------------------

/// A submission package's `indicators.json` (format `msoko-submission/1`)
/// read back. @throws std::runtime_error with a Russian message naming the
/// file when it is no such file or is damaged.
RegionForm read_submission_json(const std::string& text, const std::string& file);

/// A form of the region read in the office: its figures and its check.
RegionForm region_form(const std::string& file, const SubmissionFigures& figures, const ReportModel& report,
                       const std::string& modified, bool frozen_copy);

// --- what `msoko region check` prints -----------------------------------------

/// One row per entry, the header first: «Муниципалитет», «Статус», «Ошибок»,
/// «Предупр.», «Каталог», «Файл», «Примечание» (the command line aligns them).
std::vector<std::vector<std::string>> region_check_table(const Region& region);
/// «Принято форм: 38 из 40 · с ошибками: 2 · не принято: 1 · не прочитано: 1 · нет формы: 2».
std::string region_summary(const Region& region);
/// Every form accepted and ready, nothing refused, failed or missing.
bool region_ready(const Region& region);
/// Every finding of every form, tab-separated with a header: file, municipality, then report_tsv's columns.
std::string region_findings_tsv(const Region& region);
/// The same as JSON (`msoko-region-check/1`): {"entries": [{…, "findings": [...]}], "missing": [...]}.
std::string region_findings_json(const Region& region);
/// The region as JSON (`msoko-region/1`, docs/region.md): the entries, the
/// region's value of every indicator with its sums, and the ranking.
std::string region_json(const Region& region);

}  // namespace msoko
