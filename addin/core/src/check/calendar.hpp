// SPDX-License-Identifier: MPL-2.0
#pragma once

// Calc's dates (serials: days since 30.12.1899) from and to civil dates, by
// Boost.Date_Time's proleptic Gregorian calendar.

#include "msoko/cell.hpp"

#include <optional>
#include <string>
#include <utility>

namespace msoko::check {

/// The serial of a calendar day of the years 0…9999, or none when there is
/// no such day (month 13, 30 February).
std::optional<long> date_serial(int year, int month, int day);

/// A date cell as its serial: a number as it is; a text "ГГГГ-ММ-ДД" or "ДД.ММ.ГГГГ".
std::optional<double> date_serial(const Cell& c);

/// «31.08.2025»; a serial outside Calc's dates (1 … 2958465, 31.12.1899 …
/// 31.12.9999) is shown as the number it is.
std::string date_text(double serial);

/// The same day `years` years earlier (29 February: 28 February), or none
/// outside Calc's dates.
std::optional<double> years_earlier(double serial, int years);

/// The reporting period of a passport's text «2024/2025 учебный год»:
/// 01.09.2024 … 31.08.2025 as serials, or none when no pair of years is there.
std::optional<std::pair<double, double>> reporting_period(const std::string& text);

}  // namespace msoko::check
