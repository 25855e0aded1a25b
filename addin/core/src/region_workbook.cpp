// SPDX-License-Identifier: MPL-2.0
// The region workbook as flat ODF (msoko/region_workbook.hpp): the sheets
// laid out from the region's model; nothing is computed here.
#include "msoko/region_workbook.hpp"

#include "form_odf.hpp"
#include "msoko/report_model.hpp"
#include "msoko/text.hpp"
#include "region_sheets.hpp"

#include <sstream>

namespace msoko {

using namespace odf;

const Indicator* chart_indicator(const Catalogue& catalogue, const Direction& direction, const Region& region) {
    const Indicator* first = nullptr;
    for (const auto& r : region.rankings) {
        if (r.indicator->direction != direction.id || !region.value(r.indicator->id) ||
            !region.value(r.indicator->id)->value)
            continue;
        if (r.indicator->role == IndicatorRole::Result)
            return r.indicator;
        if (!first)
            first = r.indicator;
    }
    (void)catalogue;
    return first;
}

namespace region_sheets {

std::string styles() {
    std::string s;
    s +=
        R"(<number:number-style style:name="N_int"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>)";
    s +=
        R"(<number:number-style style:name="N_dec"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1" number:grouping="true"/></number:number-style>)";
    s +=
        R"(<style:style style:name="ta_form" style:family="table" style:master-page-name="Landscape"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>)";
    s +=
        R"(<style:style style:name="ta_hidden" style:family="table" style:master-page-name="Landscape"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>)";
    auto column = [&](const char* name, double cm) {
        s += std::string("<style:style style:name=\"") + name +
             "\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"" + number_text(cm) +
             "cm\"/></style:style>";
    };
    column("co_num", 1.2);
    column("co_code", 1.9);
    column("co_name", 5.5);
    column("co_wide", 9.5);
    column("co_value", 2.4);
    column("co_note", 8);
    column("co_level", 3.4);  // «институциональный» on one line
    s +=
        R"(<style:style style:name="ro_break" style:family="table-row"><style:table-row-properties fo:break-before="page" style:use-optimal-row-height="true"/></style:style>)";
    s +=
        R"(<style:style style:name="ro_rule" style:family="table-row"><style:table-row-properties style:row-height="2.2cm"/></style:style>)";
    const std::string border = R"( fo:border="0.5pt solid #a6a6a6")";
    auto cell = [&](const std::string& name, const std::string& props, const std::string& text = {},
                    const std::string& number = {},
                    const std::string& paragraph = {}) { s += cell_style(name, props, text, number, paragraph); };
    cell("ce_title", "", R"( fo:font-size="13pt" fo:font-weight="bold")");
    cell("ce_sub", R"( fo:wrap-option="wrap" style:vertical-align="top")",
         R"( fo:font-size="9pt" fo:font-style="italic" fo:color="#555555")");
    cell("ce_head", border + R"( fo:background-color="#dde8f3" fo:wrap-option="wrap" style:vertical-align="middle")",
         R"( fo:font-size="8pt" fo:font-weight="bold")", "", R"( fo:text-align="center")");
    cell("ce_text", border + R"( fo:wrap-option="wrap" style:vertical-align="middle")");
    cell("ce_code", border, R"( fo:font-size="8pt" fo:color="#595959")");
    cell("ce_int", border + R"( style:vertical-align="middle")", "", "N_int");
    cell("ce_dec", border + R"( style:vertical-align="middle")", "", "N_dec");
    cell("ce_region_int", border + R"( fo:background-color="#eeeeee")", R"( fo:font-weight="bold")", "N_int");
    cell("ce_region_dec", border + R"( fo:background-color="#eeeeee")", R"( fo:font-weight="bold")", "N_dec");
    cell("ce_none", border, R"( fo:color="#8a8a8a")", "", R"( fo:text-align="center")");
    cell("ce_small", border + R"( fo:background-color="#f2f2f2")", R"( fo:font-style="italic" fo:color="#7f7f7f")", "",
         R"( fo:text-align="center")");
    cell("ce_ok", border + R"( fo:background-color="#e2efda" fo:wrap-option="wrap" style:vertical-align="middle")");
    cell("ce_warn", border + R"( fo:background-color="#fff2cc" fo:wrap-option="wrap" style:vertical-align="middle")");
    cell("ce_bad", border + R"( fo:background-color="#f8cbad" fo:wrap-option="wrap" style:vertical-align="middle")");
    cell("ce_zone1", border + R"( fo:background-color="#a9d08e")", "", "N_dec");
    cell("ce_zone2", border + R"( fo:background-color="#e2efda")", "", "N_dec");
    cell("ce_zone3", border + R"( fo:background-color="#fff2cc")", "", "N_dec");
    cell("ce_zone4", border + R"( fo:background-color="#f8cbad")", "", "N_dec");
    cell("ce_zone1_text", border + R"( fo:background-color="#a9d08e")");
    cell("ce_zone2_text", border + R"( fo:background-color="#e2efda")");
    cell("ce_zone3_text", border + R"( fo:background-color="#fff2cc")");
    cell("ce_zone4_text", border + R"( fo:background-color="#f8cbad")");
    cell("ce_bold", "", R"( fo:font-weight="bold")");
    s +=
        R"(<style:page-layout style:name="pm_landscape"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1cm" fo:margin-right="1cm" style:print-page-order="ltr" loext:scale-to-X="1" loext:scale-to-Y="0"/></style:page-layout>)";
    return s;
}

std::string value_cell(std::optional<double> v, int decimals, bool region) {
    if (!v)
        return text_cell("—", "ce_none");
    const char* style = region ? (decimals ? "ce_region_dec" : "ce_region_int") : (decimals ? "ce_dec" : "ce_int");
    return number_cell(*v, style);
}

}  // namespace region_sheets

RegionWorkbook region_workbook(const Catalogue& catalogue, const Region& region, const std::string& generator) {
    using namespace region_sheets;
    RegionWorkbook out;
    std::vector<Sheet> sheets;
    sheets.push_back(readiness(region));
    sheets.push_back(values(catalogue, region));
    sheets.push_back(ranking(catalogue, region));
    sheets.push_back(scores(catalogue, region));
    sheets.push_back(profiles(catalogue, region));
    sheets.push_back(charts(catalogue, region, out.charts));
    sheets.push_back(bank(catalogue, region));
    for (auto& sh : sheets) {
        sh.protect = false;
        if (sh.freeze_row > 0 || sh.freeze_col > 0)
            out.panes.push_back({sh.name, sh.freeze_row, sh.freeze_col});
    }

    out.fods = report_document("Свод МСОКО: " + region.title + ", " + region.period, generator,
                               std::to_string(region.forms.size()) + " municipal forms", sheets, styles(),
                               "Свод МСОКО — " + region.title + ", " + region.period);
    return out;
}

}  // namespace msoko
