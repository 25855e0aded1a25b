// SPDX-License-Identifier: MPL-2.0
// msoko indicators: the municipal indicator table of a form, computed by the
// core. The form is opened in the private office (which reads any format and
// recalculates it), its snapshot read with the extension's own reader, the
// form read back by the contract (msoko/form_reader.hpp) and every indicator
// computed by the engine — the values the form's «Показатели» shows, without
// reading that sheet or any other cell the form computed.
#include "commands.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/text.hpp"
#include "snapshot.hxx"

#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace msoko::cli {

using css::uno::Reference;

namespace {

struct Line {
    const Indicator* indicator = nullptr;
    std::string direction_title, text, status;
    double value = 0;
};

}  // namespace

int indicators(const Common& common, const fs::path& workbook) {
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    starting(common);
    office::Office office(office_options(common));
    auto doc = office.open(workbook, office::Office::Access::ReadOnly);
    Reference<css::sheet::XCalculatable>(doc, css::uno::UNO_QUERY_THROW)->calculateAll();
    for (const char* needed : {kIndicatorsSheet, kPassportSheet}) {
        if (!doc->getSheets()->hasByName(rtl::OUString::fromUtf8(needed))) {
            office::Office::close(doc);
            throw office::OfficeError(std::string("в книге нет листа «") + needed +
                                      "» — это не форма МСОКО или лист удалён / not an МСОКО form: no sheet «" +
                                      needed + "»");
        }
    }
    WorkbookSnapshot snapshot;
    try {
        const uno::FormulaPlaces no_formulas;  // what is typed is all the reader needs
        snapshot = uno::snapshot(doc, {}, nullptr, &no_formulas);
    } catch (const uno::UserError& e) {
        office::Office::close(doc);
        throw office::OfficeError(std::string("показатели не рассчитаны: ") + e.what() +
                                  " / the indicators were not computed");
    }
    office::Office::close(doc);
    if (common.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";

    const FormContents form = read_form(catalogue, snapshot);
    const std::string catalogue_id = form.passport_text(kPassportCatalogueId),
                      catalogue_version = form.passport_text(kPassportCatalogueVersion);
    if (catalogue_id != catalogue.info.id || catalogue_version != catalogue.info.version)
        throw office::OfficeError("форма составлена по каталогу «" + catalogue_id + "» версии «" + catalogue_version +
                                  "», а не по «" + catalogue.info.id + "» " + catalogue.info.version +
                                  ": укажите его файл (--catalogue) / the form is of another catalogue");
    const std::string municipality = form.passport_text("municipality"), year = form.passport_text("period");
    const FormLayout layout = form_layout(catalogue, {});
    const bool english = common.lang == "en";

    std::vector<Line> lines;
    std::size_t values = 0, missing = 0, errors = 0;
    for (const FormIndicator& fi : form_indicators(catalogue, form)) {
        const IndicatorRow& row = *layout.indicator_row(fi.indicator->id);
        const Result& r = fi.value.result;
        Line line;
        line.indicator = fi.indicator;
        line.direction_title = direction_sheet_name(*catalogue.direction(fi.indicator->direction));
        line.text = shown_value(row, r, english, fi.error);
        switch (r.status()) {
            case Result::Status::Value:
                line.status = "value";
                line.value = r.value();
                ++values;
                break;
            case Result::Status::NotApplicable:
            case Result::Status::MissingData:
                line.status = "missing";
                ++missing;
                break;
            case Result::Status::Invalid:
                line.status = "error";
                ++errors;
                break;
        }
        lines.push_back(std::move(line));
    }
    const auto unit_of = [&](const Indicator& ind) { return layout.indicator_row(ind.id)->unit; };

    if (common.format == Format::Json) {
        boost::json::array list;
        for (const auto& l : lines) {
            boost::json::object o{{"id", l.indicator->id},
                                  {"direction", l.indicator->direction},
                                  {"title", l.indicator->title},
                                  {"unit", unit_of(*l.indicator)},
                                  {"text", l.text},
                                  {"status", l.status},
                                  {"value", nullptr}};
            if (l.status == "value")
                o["value"] = l.value;
            if (l.indicator->is_variant()) {  // a value «в т. ч.» of its headline
                o["variant_of"] = l.indicator->variant_of;
                o["label"] = l.indicator->label;
            }
            list.push_back(std::move(o));
        }
        std::cout
            << boost::json::serialize(boost::json::object{
                   {"format", "msoko-indicators/1"},
                   {"workbook", workbook.filename().string()},
                   {"municipality", municipality},
                   {"year", year},
                   {"catalogue", {{"id", catalogue_id}, {"version", catalogue_version}}},
                   {"counts",
                    {{"indicators", lines.size()}, {"computed", values}, {"missing", missing}, {"errors", errors}}},
                   {"indicators", std::move(list)}})
            << "\n";
        return kDone;
    }
    if (common.format == Format::Tsv) {
        for (const auto& l : lines)
            std::cout << l.indicator->id << "\t" << tsv_field(l.indicator->direction) << "\t"
                      << tsv_field(l.indicator->title) << "\t" << tsv_field(l.text) << "\t"
                      << tsv_field(unit_of(*l.indicator)) << "\t" << l.status << "\n";
        return kDone;
    }
    std::cout << "Форма: " << workbook.filename().string() << " — " << municipality << ", " << year << " (каталог "
              << catalogue_id << " " << catalogue_version << ")\n";
    std::string direction;
    std::size_t id_width = 9;  // 5.1.1.10; a variant's id is longer (5.2.2.1.primary)
    for (const auto& l : lines)
        id_width = std::max(id_width, width(l.indicator->id));
    for (const auto& l : lines) {
        if (l.indicator->direction != direction) {
            direction = l.indicator->direction;
            std::cout << "\n" << l.direction_title << "\n";
        }
        const std::string unit = unit_of(*l.indicator);
        const bool number = l.status == "value";
        // A variant under its headline, by its label.
        const std::string title = l.indicator->is_variant() ? "  " + l.indicator->label : l.indicator->title;
        std::cout << "  " << pad(l.indicator->id, id_width) << " " << pad(truncate_utf8(title, 70), 72) << " "
                  << std::string(width(l.text) < 10 ? 10 - width(l.text) : 0, ' ') << l.text << " "
                  << (!number || unit == "да/нет" ? "" : unit) << "\n";
    }
    const auto variants =
        std::count_if(lines.begin(), lines.end(), [](const auto& l) { return l.indicator->is_variant(); });
    std::cout << "\nПоказателей: " << lines.size() - static_cast<std::size_t>(variants);
    if (variants > 0)  // the headlines' values «в т. ч.» (thresholds, members of a breakdown)
        std::cout << " (и " << variants << " в т. ч.)";
    std::cout << "; рассчитано: " << values << ", нет данных (#Н/Д): " << missing << ", ошибок: " << errors << "\n";
    return kDone;
}

}  // namespace msoko::cli
