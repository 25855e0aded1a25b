// SPDX-License-Identifier: MPL-2.0
// A new form's data from the dialog's answers and last year's form.
#include "msoko/new_form.hpp"

#include "msoko/cell.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/migrate.hpp"
#include "msoko/procedures.hpp"
#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace msoko {

namespace {

std::string text_in(const SheetSnapshot& s, std::size_t r, int col) {
    if (col < 0)
        return {};
    return trim(cell_text(s.value(r, static_cast<std::size_t>(col))));
}

}  // namespace

LastYearForm read_last_year(const Catalogue& current, const WorkbookSnapshot& workbook,
                            const Catalogue* form_catalogue) {
    // The form is read by the catalogue of its own version: its fields and indicators.
    const Catalogue& catalogue = form_catalogue ? *form_catalogue : current;
    const FormContents form = read_form(catalogue, workbook);
    const std::string id = form.passport_text(kPassportCatalogueId);
    if (id.empty() || !workbook.sheet(kRegisterSheet))
        throw std::runtime_error(not_a_form_message());
    LastYearForm last;
    last.municipality = form.passport_text("municipality");
    last.region = form.passport_text("region");
    last.period = form.passport_text(kPassportPeriod);
    for (const Procedure& p : read_procedures(catalogue, workbook))
        last.procedures.push_back(procedure_entry(p));

    // The register, by the form's contract.
    const FormLayout layout = form_layout(catalogue, {});
    const SheetSnapshot& reg = *workbook.sheet(kRegisterSheet);
    const std::vector<const OrganisationType*> registered = catalogue.register_types();
    std::set<std::string> codes;
    std::size_t untyped = 0;
    for (std::size_t r = FormLayout::kRegisterFirstRow; r < reg.rows; ++r) {
        const auto code = organisation_code(reg.value(r, static_cast<std::size_t>(layout.register_column("code"))));
        if (!code)
            continue;
        RegisterEntry e;
        e.code = *code;
        e.name = text_in(reg, r, layout.register_column("name"));
        e.short_name = text_in(reg, r, layout.register_column("short"));
        const OrganisationType* type =
            catalogue.organisation_type_by_short(text_in(reg, r, layout.register_column("type")));
        if (!type || std::find(registered.begin(), registered.end(), type) == registered.end()) {
            ++untyped;
            continue;
        }
        e.type = type->id;
        for (std::size_t k = 0; k < layout.register_columns.size(); ++k) {
            const RegisterColumn& column = layout.register_columns[k];
            if (column.kind == RegisterColumn::Kind::Flag && column.flag->concerns(e.type) &&
                fold(text_in(reg, r, static_cast<int>(k))) == fold("да"))
                e.flags.push_back(column.flag->id);
        }
        if (!codes.insert(e.code).second)
            continue;  // a duplicate code: the first row stays
        last.organisations.push_back(std::move(e));
    }
    if (untyped)
        last.notes.push_back("не перенесено организаций без типа каталога: " + std::to_string(untyped));

    // The municipal values, where the catalogue is the same: its indicators are ours.
    if (id != catalogue.info.id) {
        last.notes.push_back("значения прошлого года не перенесены: форма составлена по другому каталогу («" + id +
                             "»)");
        return last;
    }
    const bool older = form_catalogue && form_catalogue->info.version != current.info.version;
    std::vector<std::string> gone, redefined;
    for (const FormIndicator& v : form_indicators(catalogue, form)) {
        if (!v.value.result.has_value() || !std::isfinite(v.value.result.value()))
            continue;
        const std::string& ind = v.indicator->id;
        if (older && !current.indicator(ind))
            gone.push_back(ind);
        else if (older && current.changes.redefined(ind))
            redefined.push_back(ind);
        else
            last.values[ind] = v.value.result.value();
    }
    if (!redefined.empty())
        last.notes.push_back("значения прошлого года не перенесены: показатели определены в версии " +
                             current.info.version + " заново, прошлогодние значения с ними не сравнимы (" +
                             join(redefined) + ")");
    if (!gone.empty())
        last.notes.push_back("значения прошлого года не перенесены: показателей нет в версии " + current.info.version +
                             " (" + join(gone) + ")");
    return last;
}

std::string earlier_form_version(const Catalogue& catalogue, const WorkbookSnapshot& workbook) {
    const FormContents form = read_form(catalogue, workbook);
    if (form.passport_text(kPassportCatalogueId) != catalogue.info.id)
        return {};
    const std::string version = form.passport_text(kPassportCatalogueVersion);
    return older_version(catalogue, version) ? version : std::string();
}

FormData new_form_data(const Catalogue& catalogue, const NewFormRequest& request, const LastYearForm* last_year) {
    FormData data;
    data.passport["municipality"] = request.municipality;
    data.passport["region"] = request.region;
    data.passport[kPassportPeriod] = request.period;
    if (last_year) {
        data.organisations = last_year->organisations;
        data.procedures = last_year->procedures;
        for (const auto& [indicator, value] : last_year->values)
            data.previous[indicator] = value;
    }
    for (const OrganisationType* type : catalogue.register_types()) {
        const std::size_t taken =
            static_cast<std::size_t>(std::count_if(data.organisations.begin(), data.organisations.end(),
                                                   [&](const RegisterEntry& e) { return e.type == type->id; }));
        const auto asked = request.organisations.find(type->id);
        std::size_t n = asked != request.organisations.end() ? asked->second : last_year ? taken : kDefaultRegisterRows;
        if (n > kMaxRegisterRows)
            throw std::runtime_error("организаций одного типа может быть не больше " +
                                     std::to_string(kMaxRegisterRows) + " (" + type->short_title + ": " +
                                     std::to_string(n) + ")");
        data.rows[type->plural] = std::max(n, taken);
        if (asked != request.organisations.end() || last_year)
            data.passport[PassportLayout::count_key(*type)] = std::to_string(std::max(n, taken));
    }
    return data;
}

std::string likely_period(int year, int month) {
    const int ended = month >= 7 ? year : year - 1;  // the year in whose August the last school year ends
    return std::to_string(ended - 1) + "/" + std::to_string(ended) + " учебный год";
}

std::string suggested_file_name(const std::string& municipality, const std::string& period) {
    std::string name = "МСОКО";
    for (const std::string& part : {municipality, period})
        if (!trim(part).empty())
            name += " " + trim(part);
    for (char& ch : name)
        if (ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' || ch == '"' || ch == '<' || ch == '>' ||
            ch == '|' || static_cast<unsigned char>(ch) < 0x20)
            ch = '-';
    return name + ".ods";
}

}  // namespace msoko
