// SPDX-License-Identifier: MPL-2.0
// The sheets of the region workbook, each laid out from the region's model.
#include "region_sheets.hpp"

#include "msoko/report_model.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>

namespace msoko::region_sheets {

using namespace odf;

namespace {

// An indicator × municipality table: its header row and code and title columns kept in view and printed on every page.
void keep_heads_in_view(Sheet& sh) {
    sh.freeze_row = 4;
    sh.freeze_col = 2;
    sh.header_rows_first = sh.header_rows_last = 3;
    sh.header_columns = 2;
}

// A date as Russian readers write it: «2024-08-30» as «30.08.2024»; any other text as it is.
std::string russian_date(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return iso;
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::string spanned(int columns) {
    return " table:number-columns-spanned=\"" + std::to_string(columns) + "\"";
}

void header(Sheet& sh, int row, const std::vector<std::string>& texts, int from_col = 0) {
    for (std::size_t c = 0; c < texts.size(); ++c)
        sh.put(row, from_col + static_cast<int>(c), text_cell(texts[c], "ce_head"));
}

const char* status_style(RegionEntry::Status s) {
    switch (s) {
        case RegionEntry::Status::Accepted:
            return "ce_ok";
        case RegionEntry::Status::NotReady:
            return "ce_warn";
        default:
            return "ce_bad";
    }
}

std::string zone_cell(int zone, std::optional<double> total) {
    if (!zone || !total)
        return text_cell("—", "ce_none");
    return number_cell(std::round(*total * 10) / 10, "ce_zone" + std::to_string(zone));
}

std::string zone_text_cell(int zone) {
    if (!zone)
        return text_cell("не оценён", "ce_none");
    static const char* roman[] = {"", "I", "II", "III", "IV"};
    return text_cell(std::string(roman[zone]) + " — " + zone_title(zone), "ce_zone" + std::to_string(zone) + "_text");
}

std::string score_cell(const RegionScore& s) {
    if (s.small_base)
        return text_cell("мал. база", "ce_small");
    if (!s.score)
        return text_cell("—", "ce_none");
    return number_cell(std::round(*s.score * 10) / 10, "ce_dec");
}

std::string title_of(const Indicator& ind) {
    return ind.label.empty() ? ind.title : ind.title + " — " + ind.label;
}

const char* better_text(Better b) {
    return b == Better::Higher ? "выше" : b == Better::Lower ? "ниже" : "";
}

int decimals_of(const Indicator& ind, const RegionValue& v) {
    return v.method == "ratio" ? indicator_decimals(ind) : 0;
}

}  // namespace

Sheet readiness(const Region& region) {
    Sheet sh;
    sh.name = kRegionReadinessSheet;
    sh.column_styles = {"co_num",   "co_name",  "co_level", "co_wide",  "co_value", "co_value", "co_wide",
                        "co_value", "co_value", "co_name",  "co_value", "co_value", "co_note"};
    sh.put(0, 0, text_cell("Готовность форм муниципалитетов — " + region.title + ", " + region.period, "ce_title"));
    sh.put(1, 0, text_cell(region_summary(region) + ". Каталог " + region.catalogue + ".", "ce_sub", spanned(13)));
    header(sh, 3,
           {"№", "Муниципалитет", "Статус", "Файл", "Каталог", "Период", "Итог проверки", "Ошибок", "Предупреждений",
            "Ответственный", "Дата заполнения", "Подготовлена", "Примечание"});
    int r = 4;
    std::size_t n = 0;
    for (const auto& e : region.entries) {
        sh.put(r, 0, number_cell(static_cast<double>(++n), "ce_int"));
        sh.put(r, 1, text_cell(e.municipality.empty() ? "—" : e.municipality, "ce_text"));
        sh.put(r, 2, text_cell(entry_status_text(e.status), status_style(e.status)));
        sh.put(r, 3, text_cell(e.file, "ce_text"));
        sh.put(r, 4, text_cell(e.catalogue, "ce_text"));
        sh.put(r, 5, text_cell(e.period, "ce_text"));
        sh.put(r, 6, text_cell(e.check_summary, "ce_text"));
        if (e.status != RegionEntry::Status::Failed) {
            sh.put(r, 7, number_cell(static_cast<double>(e.errors), "ce_int"));
            sh.put(r, 8, number_cell(static_cast<double>(e.warnings), "ce_int"));
        }
        sh.put(r, 9, text_cell(e.responsible, "ce_text"));
        sh.put(r, 10, text_cell(e.filled_on, "ce_text"));
        sh.put(r, 11, text_cell(e.prepared_at, "ce_text"));
        sh.put(r, 12, text_cell(e.message, "ce_text"));
        ++r;
    }
    for (const auto& name : region.missing) {
        sh.put(r, 0, number_cell(static_cast<double>(++n), "ce_int"));
        sh.put(r, 1, text_cell(name, "ce_text"));
        sh.put(r, 2, text_cell("нет формы", "ce_bad"));
        sh.put(r, 12, text_cell("муниципалитет ожидается, а его формы нет", "ce_text"));
        ++r;
    }
    sh.freeze_row = 4;
    sh.header_rows_first = sh.header_rows_last = 3;
    return sh;
}

Sheet values(const Catalogue& catalogue, const Region& region) {
    Sheet sh;
    sh.name = kRegionValuesSheet;
    sh.column_styles = {"co_code", "co_wide", "co_value", "co_value", "co_value", "co_value", "co_value"};
    for (std::size_t m = 0; m < region.municipalities.size(); ++m)
        sh.column_styles.push_back("co_value");
    sh.put(0, 0, text_cell("Показатели региона — " + region.title + ", " + region.period, "ce_title"));
    sh.put(1, 0,
           text_cell("Значение региона по доле — Σ числителей / Σ знаменателей по всем организациям всех принятых "
                     "муниципалитетов (не среднее муниципальных процентов); количества и суммы сложены; «да/нет» "
                     "муниципалитета — число муниципалитетов, ответивших «да».",
                     "ce_sub", spanned(7)));
    std::vector<std::string> head{"Код",          "Показатель",     "Ед.",         "Регион",
                                  "Σ числителей", "Σ знаменателей", "МО в расчёте"};
    for (const auto& m : region.municipalities)
        head.push_back(m.name);
    header(sh, 3, head);
    int r = 4;
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i) {
        const Indicator& ind = catalogue.indicators[i];
        const RegionValue& v = region.values[i];
        const int dec = decimals_of(ind, v);
        sh.put(r, 0, text_cell(ind.id, "ce_code"));
        sh.put(r, 1, text_cell(title_of(ind), "ce_text"));
        sh.put(r, 2, text_cell(v.unit, "ce_text"));
        sh.put(r, 3, value_cell(v.value, dec, true));
        if (v.method == "ratio") {
            sh.put(r, 4, value_cell(v.numerator, 0));
            sh.put(r, 5, value_cell(v.denominator, 0));
        } else if (v.method == "yes_count") {
            sh.put(r, 4, value_cell(v.numerator, 0));
            sh.put(r, 5, value_cell(v.denominator, 0));
        }
        sh.put(r, 6, number_cell(static_cast<double>(v.municipalities), "ce_int"));
        for (std::size_t m = 0; m < region.municipalities.size(); ++m) {
            const IndicatorFigures* f = region.municipalities[m].figures[i];
            const bool has = f && f->status == Result::Status::Value && f->value;
            if (has && v.method == "yes_count")
                sh.put(r, 7 + static_cast<int>(m), text_cell(*f->value == 1 ? "да" : "нет", "ce_text"));
            else
                sh.put(r, 7 + static_cast<int>(m), value_cell(has ? f->value : std::nullopt, dec));
        }
        ++r;
    }
    keep_heads_in_view(sh);
    return sh;
}

Sheet ranking(const Catalogue& catalogue, const Region& region) {
    Sheet sh;
    sh.name = kRegionRankingSheet;
    sh.column_styles = {"co_num", "co_name", "co_value", "co_name"};
    for (std::size_t d = 0; d < catalogue.directions.size(); ++d)
        sh.column_styles.push_back("co_value");
    const int width = 4 + static_cast<int>(catalogue.directions.size());
    sh.put(0, 0, text_cell("Рейтинг муниципалитетов — " + region.title + ", " + region.period, "ce_title"));
    sh.put(1, 0, text_cell(ranking_rule_text(region.small_base), "ce_sub", spanned(width)));
    sh.row_styles[1] = "ro_rule";
    std::vector<std::string> head{"Место", "Муниципалитет", "Итог, баллов", "Зона"};
    for (const auto& d : catalogue.directions)
        head.push_back(d.id + " " + (d.short_title.empty() ? d.title : d.short_title));
    header(sh, 3, head);
    int r = 4;
    for (std::size_t m : region.by_place) {
        const MunicipalTotal& t = region.totals[m];
        if (t.place)
            sh.put(r, 0, number_cell(static_cast<double>(t.place), "ce_int"));
        else
            sh.put(r, 0, text_cell("—", "ce_none"));
        sh.put(r, 1, text_cell(region.municipalities[m].name, "ce_text"));
        sh.put(r, 2, zone_cell(t.zone, t.total));
        sh.put(r, 3, zone_text_cell(t.zone));
        for (std::size_t d = 0; d < t.directions.size(); ++d)
            sh.put(r, 4 + static_cast<int>(d),
                   t.directions[d] ? number_cell(std::round(*t.directions[d] * 10) / 10, "ce_dec")
                                   : text_cell("—", "ce_none"));
        ++r;
    }
    sh.freeze_row = 4;
    sh.freeze_col = 2;
    sh.header_rows_first = sh.header_rows_last = 3;
    return sh;
}

Sheet scores(const Catalogue& catalogue, const Region& region) {
    (void)catalogue;
    Sheet sh;
    sh.name = kRegionScoresSheet;
    sh.column_styles = {"co_code", "co_wide", "co_value", "co_value", "co_value", "co_value"};
    for (std::size_t m = 0; m < region.municipalities.size(); ++m)
        sh.column_styles.push_back("co_value");
    sh.put(0, 0, text_cell("Баллы по показателям (0–100; 100 — лучший муниципалитет)", "ce_title"));
    sh.put(1, 0,
           text_cell("«мал. база» — знаменатель меньше порога: значение показано на листе «Показатели региона», "
                     "баллов нет; «—» — нет значения. Правило — на листе «Рейтинг».",
                     "ce_sub", spanned(6)));
    std::vector<std::string> head{"Код", "Показатель", "Лучше", "Лучшее значение", "Худшее значение", "Оценено МО"};
    for (const auto& m : region.municipalities)
        head.push_back(m.name);
    header(sh, 3, head);
    int r = 4;
    for (const auto& rk : region.rankings) {
        const int dec = indicator_decimals(*rk.indicator);
        sh.put(r, 0, text_cell(rk.indicator->id, "ce_code"));
        sh.put(r, 1, text_cell(title_of(*rk.indicator), "ce_text"));
        sh.put(r, 2, text_cell(better_text(rk.indicator->better), "ce_text"));
        sh.put(r, 3, value_cell(rk.best, dec));
        sh.put(r, 4, value_cell(rk.worst, dec));
        sh.put(r, 5, number_cell(static_cast<double>(rk.scored), "ce_int"));
        for (std::size_t m = 0; m < rk.scores.size(); ++m)
            sh.put(r, 6 + static_cast<int>(m), score_cell(rk.scores[m]));
        ++r;
    }
    keep_heads_in_view(sh);
    return sh;
}

Sheet profiles(const Catalogue& catalogue, const Region& region) {
    Sheet sh;
    sh.name = kRegionProfileSheet;
    sh.column_styles = {"co_code",  "co_wide",  "co_value", "co_value", "co_value",
                        "co_value", "co_value", "co_value", "co_value", "co_value"};
    int r = 0;
    const std::size_t ranked = static_cast<std::size_t>(
        std::count_if(region.totals.begin(), region.totals.end(), [](const MunicipalTotal& t) { return t.place > 0; }));
    for (std::size_t m = 0; m < region.municipalities.size(); ++m) {
        const MunicipalProfile& p = region.profiles[m];
        const MunicipalTotal& t = region.totals[m];
        if (r > 0)
            sh.row_styles[r] = "ro_break";
        sh.put(r++, 0, text_cell("Профиль: " + region.municipalities[m].name, "ce_title"));
        std::string about = t.place ? "Место в рейтинге: " + std::to_string(t.place) + " из " + std::to_string(ranked) +
                                          " · итог " + format_number(std::round(*t.total * 10) / 10) +
                                          " баллов · зона: " + zone_title(t.zone)
                                    : std::string("В рейтинге не оценён: нет показателей, по которым можно сравнить");
        sh.put(r++, 0, text_cell(about + ". " + region.period + ".", "ce_sub", spanned(10)));
        const std::vector<std::string> head{
            "Код",  "Показатель", "Ед.",         "Значение", "Регион", "Отклонение от региона",
            "Балл", "Место",      "Прошлый год", "Динамика"};
        auto line = [&](const ProfileLine& l) {
            const int dec = indicator_decimals(*l.indicator);
            const RegionValue* v = region.value(l.indicator->id);
            const bool yes_count = v && v->method == "yes_count";
            sh.put(r, 0, text_cell(l.indicator->id, "ce_code"));
            sh.put(r, 1, text_cell(title_of(*l.indicator), "ce_text"));
            sh.put(r, 2, text_cell(l.indicator->unit, "ce_text"));
            if (yes_count && l.value)
                sh.put(r, 3, text_cell(*l.value == 1 ? "да" : "нет", "ce_text"));
            else
                sh.put(r, 3, value_cell(l.value, dec));
            sh.put(r, 4, value_cell(l.region, yes_count ? 0 : dec, true));
            if (l.value && l.region && !yes_count)
                sh.put(r, 5, value_cell(*l.value - *l.region, dec));
            else
                sh.put(r, 5, text_cell("—", "ce_none"));
            RegionScore s;
            s.score = l.score;
            s.small_base = l.small_base;
            sh.put(r, 6, score_cell(s));
            if (l.place)
                sh.put(r, 7, number_cell(static_cast<double>(l.place), "ce_int"));
            else
                sh.put(r, 7, text_cell("—", "ce_none"));
            sh.put(r, 8, value_cell(l.last_year, dec));
            sh.put(r, 9, value_cell(l.dynamics, 1));
            ++r;
        };
        auto list = [&](const char* title, const std::vector<std::size_t>& lines) {
            if (lines.empty())
                return;
            sh.put(r++, 0, text_cell(title, "ce_bold"));
            header(sh, r++, head);
            for (std::size_t k : lines)
                line(p.lines[k]);
            ++r;
        };
        list("Сильные стороны (лучшие баллы)", p.strongest);
        list("Зоны роста (худшие баллы)", p.weakest);
        sh.put(r++, 0, text_cell("Все показатели", "ce_bold"));
        header(sh, r++, head);
        for (const ProfileLine& l : p.lines)
            line(l);
    }
    if (region.municipalities.empty())
        sh.put(0, 0, text_cell("Профиль: ни одна форма не принята", "ce_title"));
    (void)catalogue;
    return sh;
}

Sheet charts(const Catalogue& catalogue, const Region& region, std::vector<RegionChart>& out) {
    Sheet sh;
    sh.name = kRegionChartsSheet;
    sh.column_styles = {"co_name", "co_value", "co_value", "co_num"};
    int r = 0;
    sh.put(r++, 0, text_cell("Диаграммы по направлениям: значения муниципалитетов и значение региона", "ce_title"));
    r++;
    for (const auto& d : catalogue.directions) {
        const Indicator* ind = chart_indicator(catalogue, d, region);
        if (!ind)
            continue;
        const RegionValue* v = region.value(ind->id);
        std::size_t index = 0;
        while (catalogue.indicators[index].id != ind->id)
            ++index;
        const int dec = indicator_decimals(*ind);
        RegionChart chart;
        chart.name = "chart_" + d.id;
        chart.title = d.id + " " + (d.short_title.empty() ? d.title : d.short_title) + ": " + ind->id + " " +
                      title_of(*ind) + (ind->unit.empty() ? "" : ", " + ind->unit);
        chart.sheet = sh.name;
        sh.put(r++, 0, text_cell(chart.title, "ce_bold"));
        chart.first_row = r;
        chart.anchor_row = r;
        header(sh, r++, {"Муниципалитет", "Значение", "Регион"});
        for (const auto& m : region.municipalities) {
            const IndicatorFigures* f = m.figures[index];
            if (!f || f->status != Result::Status::Value || !f->value)
                continue;
            sh.put(r, 0, text_cell(m.name, "ce_text"));
            sh.put(r, 1, value_cell(f->value, dec));
            sh.put(r, 2, value_cell(v->value, dec, true));
            ++r;
        }
        chart.last_row = r - 1;
        chart.height_rows = std::max(18, r - chart.anchor_row);
        // The next block below the chart, with a row between.
        r = chart.anchor_row + chart.height_rows + 2;
        out.push_back(chart);
    }
    return sh;
}

Sheet bank(const Catalogue& catalogue, const Region& region) {
    Sheet sh;
    sh.name = kRegionBankSheet;
    sh.column_styles = {"co_wide",  "co_num",  "co_name", "co_level", "co_name",
                        "co_value", "co_name", "co_note", "co_note"};
    sh.put(0, 0, text_cell("Банк муниципальных процедур оценки качества образования — " + region.title, "ce_title"));
    sh.put(1, 0,
           text_cell("Процедуры из листов «Процедуры оценки» всех принятых форм, по объекту оценки (направлению "
                     "МСОКО). Похожие названия одной процедуры собраны в одну строку; «Другие названия» — как их "
                     "написали муниципалитеты.",
                     "ce_sub", spanned(9)));
    header(sh, 3,
           {"Процедура", "МО", "Кто применяет", "Уровень", "Форма (метод) оценки", "Периодичность", "Другие названия",
            "Утверждающие документы", "Использование результатов"});
    int r = 4;
    std::string direction;
    for (const BankEntry& e : region.bank.entries) {
        if (e.direction != direction) {
            direction = e.direction;
            const Direction* d = catalogue.direction(direction);
            sh.put(r++, 0, text_cell(direction + " " + (d ? d->title : std::string()), "ce_bold", spanned(9)));
        }
        std::vector<std::string> others, documents, uses;
        for (const auto& n : e.names)
            if (n != e.name)
                others.push_back(n);
        for (const BankUse& u : e.uses) {
            if (!u.procedure.document.empty())
                documents.push_back(
                    u.municipality + ": " + u.procedure.document +
                    (u.procedure.document_date.empty() ? "" : " от " + russian_date(u.procedure.document_date)));
            if (!u.procedure.use.empty() && std::find(uses.begin(), uses.end(), u.procedure.use) == uses.end())
                uses.push_back(u.procedure.use);
        }
        sh.put(r, 0, text_cell(e.name, "ce_text"));
        sh.put(r, 1, number_cell(static_cast<double>(e.municipalities.size()), "ce_int"));
        sh.put(r, 2, text_cell(join(e.municipalities), "ce_text"));
        sh.put(r, 3, text_cell(join(e.levels), "ce_text"));
        sh.put(r, 4, text_cell(join(e.methods), "ce_text"));
        sh.put(r, 5, text_cell(join(e.frequencies), "ce_text"));
        sh.put(r, 6, text_cell(join(others, "; "), "ce_text"));
        sh.put(r, 7, text_cell(join(documents, "; "), "ce_text"));
        sh.put(r, 8, text_cell(join(uses, "; "), "ce_text"));
        ++r;
    }
    if (region.bank.entries.empty())
        sh.put(r, 0, text_cell("В принятых формах нет процедур оценки (лист «Процедуры оценки»).", "ce_text"));
    sh.freeze_row = 4;
    sh.header_rows_first = sh.header_rows_last = 3;
    return sh;
}

}  // namespace msoko::region_sheets
