// SPDX-License-Identifier: MPL-2.0
// The check before submission: the report's data and the order of the checks
// (the checks themselves are in check/).
#include "msoko/validation.hpp"

#include "check/check.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/subform.hpp"
#include "msoko/text.hpp"

#include <cmath>
#include <iterator>

namespace msoko {

const SheetSnapshot* WorkbookSnapshot::sheet(const std::string& name) const {
    for (const auto& s : sheets)
        if (s.name == name)
            return &s;
    return nullptr;
}

std::size_t ValidationReport::count(Severity s) const {
    std::size_t n = 0;
    for (const auto& f : findings)
        if (f.severity == s)
            n += f.more ? f.more : 1;
    return n;
}

std::string ValidationReport::summary() const {
    std::string out = "Ошибок: " + std::to_string(count(Severity::Error)) +
                      " · Предупреждений: " + std::to_string(count(Severity::Warning)) +
                      " · Сведений: " + std::to_string(count(Severity::Info)) +
                      (subform ? (ready() ? " — форма организации готова к отправке в муниципалитет"
                                          : " — форма организации не готова к отправке в муниципалитет")
                       : ready() ? " — форма готова к отправке"
                                 : " — форма не готова к отправке");
    if (!unmarked_sheets.empty()) {
        std::vector<std::string> names;
        for (const auto& s : unmarked_sheets)
            names.push_back("«" + s + "»");
        out += ". Не отмечены ячейки на листах, защищённых паролем: " + join(names);
    }
    return out;
}

void ValidationReport::note_unmarked(const std::string& sheet, std::size_t cells, const std::string& password_sheet) {
    unmarked_sheets.push_back(sheet);
    check::Findings out;
    out.add(password_sheet == sheet ? check::K::Unmarked : check::K::UnmarkedStyles, sheet, -1, -1)
        .severity(Severity::Info)
        .say({{"лист", sheet}, {"ячеек", std::to_string(cells)}, {"защищённый лист", password_sheet}});
    findings.push_back(std::move(out.all.front()));
}

std::string suggested_number(const std::string& text) {
    // Keep digits, one decimal separator (comma or dot) and a leading minus; drop
    // spaces and words («12 чел.», «1 2», «12,5»). No digit: no suggestion.
    std::string out;
    bool separator = false, digit = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            out += ch;
            digit = true;
        } else if ((ch == ',' || ch == '.') && digit && !separator && i + 1 < text.size() && text[i + 1] >= '0' &&
                   text[i + 1] <= '9') {
            out += '.';
            separator = true;
        } else if (ch == '-' && out.empty() && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
            out += '-';
        }
    }
    return digit ? out : std::string();
}

std::string CheckSettings::problem(Item item, double value) {
    const Limits l = limits(item);
    const std::string range = "от " + check::decimal(l.min) + " до " + check::decimal(l.max);
    if (!std::isfinite(value) || value < l.min || value > l.max || (l.integer && value != std::floor(value)))
        return (l.integer ? "нужно целое число " : "нужно число ") + range;
    return {};
}

std::string CheckSettings::problem() const {
    const std::pair<Item, double> items[] = {{Item::DynamicsPoints, dynamics_points},
                                             {Item::SmallBase, small_base},
                                             {Item::OutlierDistance, outlier_distance}};
    const char* names[] = {"порог динамики (п. п.)", "малая база (человек)", "удалённость от медианы"};
    for (std::size_t i = 0; i < std::size(items); ++i)
        if (std::string p = problem(items[i].first, items[i].second); !p.empty())
            return std::string(names[i]) + ": " + p;
    return {};
}

ValidationReport validate(const Catalogue& catalogue, const WorkbookSnapshot& workbook) {
    return validate(catalogue, workbook, CheckSettings{});
}

ValidationReport validate(const Catalogue& catalogue, const WorkbookSnapshot& workbook, const CheckSettings& settings) {
    using namespace check;
    CheckContext ctx(catalogue, workbook, settings);
    Findings out;
    ValidationReport report;
    ctx.subform = read_subform_origin(workbook);
    report.subform = ctx.subform.has_value();
    ctx.frozen_copy = report.frozen_copy = is_frozen_copy(workbook);
    if (check_identity(ctx, out)) {
        check_passport(ctx, out);
        check_sheets(ctx, out);
        check_register(ctx, out);
        for (const auto& d : catalogue.directions)
            if (auto read = check_columns(ctx, d, out)) {
                check_cells(ctx, *read, out);
                ctx.read.push_back(std::move(*read));
            }
        ctx.form.build();
        check_rules(ctx, out);
        if (!ctx.subform)  // a sub-form's «Показатели» is the municipality's (hidden there)
            check_indicators_sheet(ctx, out);
        check_plausibility(ctx, out);
        check_indicators_present(ctx, out);
        check_rows_without_code(ctx, out);
        report.completeness = completeness(ctx);
    }
    finish(workbook, out.all);
    report.findings = std::move(out.all);
    return report;
}

}  // namespace msoko
