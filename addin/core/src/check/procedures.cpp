// SPDX-License-Identifier: MPL-2.0
// «Процедуры оценки»: the municipality's assessment procedures, row by row.
#include "msoko/procedures.hpp"
#include "check/calendar.hpp"
#include "check/check.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

namespace msoko::check {

namespace {

// Calc's serial of 01.01.1990: no procedure document is older.
constexpr double kFirstDocumentDay = 32874;

// Today as a serial (the day the check runs, local time).
double today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return static_cast<double>(date_serial(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value_or(0));
}

// Does a document's text carry its number: «№ 45-од», «N 12», «No. 3»?
bool has_number(const std::string& document) {
    const std::string t = fold(document);
    for (const std::string mark : {"№", "n", "no", "no."}) {
        for (std::size_t at = t.find(mark); at != std::string::npos; at = t.find(mark, at + 1)) {
            // A Latin N only on its own (not inside a word such as «Nord»).
            if (mark != "№" && at > 0 && std::isalpha(static_cast<unsigned char>(t[at - 1])))
                continue;
            std::size_t after = at + mark.size();
            while (after < t.size() && (t[after] == ' ' || t[after] == '\t'))
                ++after;
            if (after >= t.size())
                continue;
            const auto c = static_cast<unsigned char>(t[after]);
            // The number itself: a digit (Latin N), or a digit or a letter after «№» («№ 45-од», «№ А-12»).
            if ((c >= '0' && c <= '9') || (mark == "№" && (c >= 0x80 || std::isalpha(c))))
                return true;
        }
    }
    return false;
}

}  // namespace

void check_procedures(CheckContext& ctx, Findings& out) {
    using C = ProceduresColumns;
    const SheetSnapshot* s = ctx.workbook.sheet(kProceduresSheet);
    if (!s) {
        out.add(K::ProceduresMissing, kProceduresSheet).say();
        return;
    }
    const std::string example =
        ctx.catalogue.directions.empty() ? std::string() : procedure_object_text(ctx.catalogue.directions.front());
    const double last_day = today();
    for (const Procedure& p : read_procedures(ctx.catalogue, ctx.workbook)) {
        const std::string who =
            p.name.empty() ? "Процедура в строке " + std::to_string(p.row + 1) : "Процедура «" + p.name + "»";
        const auto at = [&](K k, int col) {
            return out.add(k, s->name, p.row, col)
                .field(C::key(col))
                .value(shown(s->value(static_cast<std::size_t>(p.row), static_cast<std::size_t>(col))));
        };
        const std::string* required[C::kCount] = {};
        required[C::kName] = &p.name;
        required[C::kObject] = &p.object;
        required[C::kLevel] = &p.level;
        required[C::kConductedBy] = &p.conducted_by;
        required[C::kDocument] = &p.document;
        for (int col = 0; col < C::kCount; ++col)
            if (required[col] && required[col]->empty())
                at(K::ProcedureRequired, col).say({{"процедура", who}, {"поле", C::head(col)}});
        if (!p.object.empty() && p.direction.empty())
            at(K::ProcedureObject, C::kObject).say({{"процедура", who}, {"значение", p.object}, {"пример", example}});
        const auto& levels = procedure_levels();
        if (!p.level.empty() && std::find(levels.begin(), levels.end(), fold(p.level)) == levels.end())
            at(K::ProcedureLevel, C::kLevel).say({{"процедура", who}, {"значение", p.level}});
        if (!p.document.empty() && !has_number(p.document))
            at(K::ProcedureDocumentNumber, C::kDocument).say({{"процедура", who}, {"значение", p.document}});
        const Cell& date = s->value(static_cast<std::size_t>(p.row), C::kDate);
        if (date.is_empty() || (date.kind() == Cell::Kind::Text && trim(date.text()).empty()))
            continue;
        const std::optional<double> serial = date.kind() == Cell::Kind::Text
                                                 ? date_serial(Cell::text(trim(date.text())))
                                             : date.kind() == Cell::Kind::Number ? std::optional<double>(date.number())
                                                                                 : std::nullopt;
        if (!serial) {
            at(K::ProcedureDate, C::kDate).say({{"процедура", who}, {"значение", shown(date)}});
        } else if (*serial < kFirstDocumentDay || *serial > last_day) {
            at(K::ProcedureDateRange, C::kDate)
                .say({{"процедура", who},
                      {"дата", date_text(*serial)},
                      {"причина", *serial < kFirstDocumentDay ? "раньше 1990 года: проверьте год"
                                                              : "позже сегодняшнего дня: документ ещё не издан"}});
        }
    }
}

}  // namespace msoko::check
