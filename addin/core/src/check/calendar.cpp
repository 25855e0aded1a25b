// SPDX-License-Identifier: MPL-2.0
#include "check/calendar.hpp"

#include "check/check.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdio>
#include <regex>

namespace msoko::check {

namespace {

namespace greg = boost::gregorian;

// Calc's day 0. Boost's calendar starts in 1400; the Gregorian calendar
// repeats every 400 years (146 097 days), so earlier years are counted from
// their day 400 or 800… years later.
const greg::date kEpoch(1899, 12, 30);
constexpr int kFirstYear = 1400;
constexpr long kDaysPer400Years = 146097;

}  // namespace

std::optional<long> date_serial(int year, int month, int day) {
    if (year < 0 || year > 9999)
        return std::nullopt;
    const int cycles = year < kFirstYear ? (kFirstYear - year + 399) / 400 : 0;
    try {
        const greg::date d(static_cast<unsigned short>(year + 400 * cycles), static_cast<unsigned short>(month),
                           static_cast<unsigned short>(day));
        return static_cast<long>((d - kEpoch).days()) - cycles * kDaysPer400Years;
    } catch (const std::out_of_range&) {  // bad_year, bad_month, bad_day_of_month
        return std::nullopt;
    }
}

std::optional<double> date_serial(const Cell& c) {
    if (c.kind() == Cell::Kind::Number)
        return c.number();
    if (c.kind() != Cell::Kind::Text)
        return std::nullopt;
    std::smatch m;
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))"), ru(R"((\d{2})\.(\d{2})\.(\d{4}))");
    std::optional<long> serial;
    if (std::regex_match(c.text(), m, iso))
        serial = date_serial(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
    else if (std::regex_match(c.text(), m, ru))
        serial = date_serial(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
    if (!serial)
        return std::nullopt;
    return static_cast<double>(*serial);
}

std::string date_text(double serial) {
    if (!(serial >= 1 && serial <= 2958465))
        return decimal(serial);
    const greg::date d = kEpoch + greg::days(static_cast<long>(serial));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04u", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.year()));
    return buf;
}

std::optional<double> years_earlier(double serial, int years) {
    if (!(serial >= 1 && serial <= 2958465))
        return std::nullopt;
    const greg::date d = kEpoch + greg::days(static_cast<long>(serial));
    const int year = static_cast<int>(d.year()) - years;
    const int month = static_cast<int>(d.month().as_number());
    int day = static_cast<int>(d.day().as_number());
    if (month == 2 && day == 29 && !greg::gregorian_calendar::is_leap_year(static_cast<unsigned short>(year)))
        day = 28;
    const auto out = date_serial(year, month, day);
    if (!out)
        return std::nullopt;
    return static_cast<double>(*out);
}

std::optional<std::pair<double, double>> reporting_period(const std::string& text) {
    std::smatch m;
    static const std::regex years(R"((\d{4})\s*[/–-]\s*(\d{4}))");
    if (!std::regex_search(text, m, years))
        return std::nullopt;
    const auto from = date_serial(std::stoi(m[1]), 9, 1), to = date_serial(std::stoi(m[2]), 8, 31);
    if (!from || !to)
        return std::nullopt;  // not reached: every year of four digits has these days
    return std::make_pair(static_cast<double>(*from), static_cast<double>(*to));
}

}  // namespace msoko::check
