// SPDX-License-Identifier: MPL-2.0
// Fuzz target: the check before submission, msoko::validate, on a form of the
// default catalogue (two schools, one ШНОР, a kindergarten, the municipality,
// every figure filled and every rule kept, «да» everywhere so that evidence
// and its dates are read: a form ready to send) changed by the input the way
// users change forms: cells typed over (any value, formulas overwritten),
// sheets deleted, renamed, moved, copied, cut short or widened. The report
// stays well-formed: a finding at a cell names a sheet of the workbook,
// findings are sorted by severity, the counts add up, and each finding is of
// a kind of the table (finding_kinds()), with its severity, its rule and its
// message made from the kind's template.
#include "msoko/finding_kinds.hpp"
#include "msoko/form.hpp"
#include "msoko/validation.hpp"

#include "fuzz_support.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace msoko {
namespace {

SheetSnapshot grid(const std::string& name, std::size_t rows, std::size_t cols) {
    return SheetSnapshot::blank(name, rows, cols);
}

void put(SheetSnapshot& s, std::size_t r, std::size_t c, Cell v, bool formula = false) {
    s.set(r, c, std::move(v), formula);
}

// A count for every numeric field that keeps every rule of the catalogue:
// 10, totals the sum of their parts, a whole at least its part (or its parts'
// sum), the same figure the same everywhere, a figure implied above its
// threshold, the municipality's figure at least the register's or the
// organisations' sum.
std::map<std::string, double> consistent_counts(const Catalogue& c) {
    std::map<std::string, double> v;
    for (const Field& f : c.fields)
        v[f.id] = 10;
    // Raising a total raises its first part too, so that the sum stays (a
    // broken-down whole of a sum_within: ap_participants and its parallels).
    std::function<void(const std::string&, double)> raise = [&](const std::string& field, double by) {
        v[field] += by;
        for (const Rule& r : c.rules)
            if (r.kind == Rule::Kind::SumEquals && r.fields.back() == field)
                raise(r.fields.front(), by);
    };
    for (int pass = 0; pass < 16; ++pass)
        for (const Rule& r : c.rules) {
            switch (r.kind) {
                case Rule::Kind::SumEquals: {
                    double sum = 0;
                    for (std::size_t i = 0; i + 1 < r.fields.size(); ++i)
                        sum += v[r.fields[i]];
                    v[r.fields.back()] = sum;
                    break;
                }
                case Rule::Kind::PartWhole:
                    v[r.fields[1]] = std::max(v[r.fields[1]], v[r.fields[0]]);
                    break;
                case Rule::Kind::SameValue: {
                    double most = 0;
                    for (const auto& f : r.fields)
                        most = std::max(most, v[f]);
                    for (const auto& f : r.fields)
                        v[f] = most;
                    break;
                }
                case Rule::Kind::SumWithin: {
                    double parts = 0, whole = 0;
                    for (std::size_t i = 0; i < r.fields.size(); ++i)
                        (i < r.parts ? parts : whole) += v[r.fields[i]];
                    if (parts > whole)
                        raise(r.fields[r.parts], parts - whole);
                    break;
                }
                case Rule::Kind::Implies:  // «да» everywhere: a figure above a threshold is what may be wanted
                    if (r.conditions[1].above)
                        v[r.fields[1]] = std::max(v[r.fields[1]], *r.conditions[1].above + 1);
                    break;
                case Rule::Kind::CoversRegister: {
                    double sum = 3;  // the form's organisations, or at least the figures of all three added up
                    for (std::size_t i = 1; i < r.fields.size(); ++i)
                        sum = std::max(sum, 3 * v[r.fields[i]]);
                    v[r.fields[0]] = std::max(v[r.fields[0]], sum);
                    break;
                }
                case Rule::Kind::RequiresEvidence:
                    break;
            }
        }
    return v;
}

Cell filled(const Field& f, const std::map<std::string, double>& counts) {
    switch (f.type) {
        case FieldType::Count:
        case FieldType::Number:
            return Cell::number(counts.at(f.id));
        case FieldType::YesNo:
            return Cell::text("да");
        case FieldType::Date:
            return Cell::text("2025-05-20");
        case FieldType::Text:
            return Cell::text("№ 12");
        case FieldType::Link:
            return Cell::text("https://example.ru/npa");
    }
    return Cell::empty();
}

WorkbookSnapshot form(const Catalogue& c) {
    const FormLayout layout = form_layout(c, {{"school", 2}, {"kindergarten", 1}});
    WorkbookSnapshot wb;
    SheetSnapshot passport = grid(kPassportSheet, 20, 2);
    const auto item = [&](const std::string& key, Cell value) {  // the label and value of an item, in its row
        const PassportItem& i = *layout.passport.item(key);
        put(passport, static_cast<std::size_t>(i.row), PassportLayout::kLabelColumn, Cell::text(i.label));
        put(passport, static_cast<std::size_t>(i.row), PassportLayout::kValueColumn, std::move(value));
    };
    item("municipality", Cell::text("Тестовый район"));
    item("region", Cell::text("Тестовая область"));
    item(kPassportPeriod, Cell::text("2024/2025 учебный год"));
    item("responsible", Cell::text("Иванова И. И."));
    item("email", Cell::text("uo@example.ru"));
    item("date", Cell::number(45925));
    item(PassportLayout::count_key(*c.organisation_type("school")), Cell::number(2));
    item(PassportLayout::count_key(*c.organisation_type("kindergarten")), Cell::number(1));
    item(kPassportCatalogueId, Cell::text(c.info.id));
    item(kPassportCatalogueVersion, Cell::text(c.info.version));
    wb.sheets.push_back(passport);

    SheetSnapshot reg = grid(kRegisterSheet, 6, 6);
    const char* rows[][4] = {
        {"101", "Школа № 1", "ОО", "да"}, {"102", "Школа № 2", "ОО", "нет"}, {"201", "Детский сад", "ДОО", ""}};
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t k = 0; k < 4; ++k)
            put(reg, 3 + i, k < 2 ? k : k + 1, Cell::text(rows[i][k]));  // code, name, (short), type, ШНОР
    wb.sheets.push_back(reg);

    const auto counts = consistent_counts(c);
    for (const auto& ds : layout.directions) {
        SheetSnapshot s = grid(ds.sheet, static_cast<std::size_t>(ds.total_row() + 1), ds.columns.size());
        for (std::size_t col = 0; col < ds.columns.size(); ++col)
            put(s, DirectionSheet::kCodeRow, col, Cell::text(ds.columns[col].code));
        for (std::size_t i = 0; i < ds.rows.size(); ++i) {
            const std::size_t r = static_cast<std::size_t>(ds.first_row()) + i;
            const FormRow& fr = ds.rows[i];
            const bool municipal = fr.municipal;
            const std::string code = municipal             ? kMunicipalityCode
                                     : fr.type == "school" ? (fr.slot ? "102" : "101")
                                                           : "201";
            put(s, r, 0, Cell::text(code), !municipal);
            put(s, r, 1, Cell::text("имя"), !municipal);
            put(s, r, 2, Cell::text(municipal ? "УО" : fr.type == "school" ? "ОО" : "ДОО"), !municipal);
            put(s, r, 3, Cell::text(code == "101" ? "ШНОР" : ""), !municipal);
            for (std::size_t col = 4; col < ds.columns.size(); ++col) {
                const Field* f = ds.columns[col].field;
                if (f->concerns(fr.type))
                    put(s, r, col, filled(*f, counts), ds.columns[col].kind == FormColumn::Kind::Linked);
            }
        }
        put(s, static_cast<std::size_t>(ds.total_row()), DirectionSheet::kTotalLabelColumn, Cell::text(kTotalRowLabel));
        wb.sheets.push_back(s);
    }
    wb.sheets.push_back(grid(kIndicatorsSheet, 4, 8));
    return wb;
}

void resize(SheetSnapshot& s, std::size_t rows, std::size_t cols) {
    SheetSnapshot out = grid(s.name, rows, cols);
    for (std::size_t r = 0; r < std::min(rows, s.rows); ++r)
        for (std::size_t c = 0; c < std::min(cols, s.cols); ++c)
            put(out, r, c, s.value(r, c), s.is_formula(r, c));
    s = std::move(out);
}

void change_structure(FuzzedDataProvider& in, WorkbookSnapshot& wb) {
    auto& sheets = wb.sheets;
    if (sheets.empty())
        return;
    const auto i = in.ConsumeIntegralInRange<std::size_t>(0, sheets.size() - 1);
    switch (in.ConsumeIntegralInRange(0, 5)) {
        case 0:
            sheets.erase(sheets.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        case 1:
            sheets[i].name = in.ConsumeBool() ? sheets[i].name.substr(0, sheets[i].name.find(' '))
                                              : in.ConsumeRandomLengthString(24);
            break;
        case 2:
            std::swap(sheets[i], sheets[in.ConsumeIntegralInRange<std::size_t>(0, sheets.size() - 1)]);
            break;
        case 3:
            sheets.push_back(sheets[i]);
            sheets.back().name += " (2)";
            break;
        case 4:
            resize(sheets[i], in.ConsumeIntegralInRange<std::size_t>(0, sheets[i].rows + 3),
                   in.ConsumeIntegralInRange<std::size_t>(0, sheets[i].cols + 3));
            break;
        default:
            break;
    }
}

void type_over(FuzzedDataProvider& in, WorkbookSnapshot& wb) {
    if (wb.sheets.empty())
        return;
    SheetSnapshot& s = wb.sheets[in.ConsumeIntegralInRange<std::size_t>(0, wb.sheets.size() - 1)];
    if (s.rows == 0 || s.cols == 0)
        return;
    const auto r = in.ConsumeIntegralInRange<std::size_t>(0, s.rows - 1);
    const auto c = in.ConsumeIntegralInRange<std::size_t>(0, s.cols - 1);
    Cell v = in.ConsumeBool()
                 ? fuzz::cell(in)
                 : Cell::text(in.PickValueInArray({"12 чел.", "1 2", "12,5", "-", "да", "нет", "ОО", "ДОО", "ШНОР",
                                                   "101", "2019-05-20", "31.12.2030", "2024/2025", "www.example", ""}));
    put(s, r, c, std::move(v), in.ConsumeBool());
}

// Is the finding of a catalogue rule of `"level": "warning"` (its findings are
// warnings, though their kind's level is an error)?
bool of_warning_rule(const Catalogue& c, const Finding& f) {
    static const std::vector<std::string> ids = rule_ids(c);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == f.id)
            return c.rules[i].level == Rule::Level::Warning;
    return false;
}

void check(const Catalogue& c, const WorkbookSnapshot& wb, const ValidationReport& report) {
    std::size_t counted = 0;
    for (const Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        counted += report.count(s);
    // Every finding has one of the three levels; a closing «… и ещё N» finding counts the N it stands for.
    std::size_t expected = 0;
    for (const Finding& f : report.findings)
        expected += f.more ? f.more : 1;
    FUZZ_CHECK(counted == expected);
    FUZZ_CHECK(report.ready() == (report.count(Severity::Error) == 0));
    FUZZ_CHECK(!report.summary().empty());
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const Finding& f = report.findings[i];
        FUZZ_CHECK(!f.message.empty() && !f.rule.empty());
        const FindingKind* kind = finding_kind(f.kind);
        FUZZ_CHECK(kind);
        FUZZ_CHECK(!kind->severity || *kind->severity == f.severity ||
                   (kind->family == CheckFamily::Rules && *kind->severity == Severity::Error &&
                    f.severity == Severity::Warning && of_warning_rule(c, f)));
        FUZZ_CHECK(matches_template(kind->rule, f.rule));
        FUZZ_CHECK(matches_template(kind->message, f.message));
        FUZZ_CHECK(kind->family == CheckFamily::Rules ? f.id.rfind(f.rule + "/", 0) == 0 : f.id == f.rule);
        if (i > 0)
            FUZZ_CHECK(static_cast<int>(report.findings[i - 1].severity) <= static_cast<int>(f.severity));
        if (f.row >= 0 || f.col >= 0) {
            // A finding at a cell names a sheet of the workbook and a cell Calc has
            // (not always inside the snapshot: a missing column is named at the
            // code row of a sheet that may have been cut short).
            FUZZ_CHECK(wb.sheet(f.sheet));
            FUZZ_CHECK(f.row < 1048576 && f.col < 16384);
        }
    }
    for (const Completeness& part : report.completeness) {
        FUZZ_CHECK(part.filled <= part.required);
        FUZZ_CHECK(part.percent() >= 0 && part.percent() <= 100);
    }
}

}  // namespace
}  // namespace msoko

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace msoko;
    const Catalogue& c = fuzz::default_catalogue();
    static const WorkbookSnapshot valid = [&] {
        WorkbookSnapshot wb = form(c);
        const ValidationReport r = validate(c, wb);
        if (!r.ready())
            fuzz::fail(("the unchanged form is not ready: " + r.findings.front().message).c_str(), __FILE__, __LINE__);
        return wb;
    }();
    FuzzedDataProvider in(data, size);
    WorkbookSnapshot wb = valid;
    if (in.ConsumeIntegralInRange(0, 3) == 0)
        change_structure(in, wb);
    const auto edits = in.ConsumeIntegralInRange(0, 24);
    for (int i = 0; i < edits; ++i)
        type_over(in, wb);
    check(c, wb, validate(c, wb));
    return 0;
}
