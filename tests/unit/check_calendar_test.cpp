// SPDX-License-Identifier: MPL-2.0
// Calc's date serials from civil dates and back (Boost.Date_Time), and the
// reporting period of a passport.
#include "check/calendar.hpp"

#include <gtest/gtest.h>

namespace msoko::check {
namespace {

TEST(Calendar, CivilDatesAsCalcSerials) {
    EXPECT_EQ(date_serial(1899, 12, 30), 0);
    EXPECT_EQ(date_serial(1899, 12, 31), 1);
    EXPECT_EQ(date_serial(1970, 1, 1), 25569);
    EXPECT_EQ(date_serial(2024, 2, 29), 45351);
    EXPECT_EQ(date_serial(2024, 9, 1), 45536);
    EXPECT_EQ(date_serial(9999, 12, 31), 2958465);
    // Before Boost's first year (1400), by the Gregorian calendar's 400-year cycle.
    EXPECT_EQ(date_serial(1400, 1, 1), -182619);
    EXPECT_EQ(date_serial(1399, 12, 31), -182620);
    EXPECT_EQ(date_serial(1, 1, 1), -693593);
    EXPECT_EQ(date_serial(0, 1, 1), -693959);
}

TEST(Calendar, NoSuchDayIsNoDate) {
    EXPECT_FALSE(date_serial(2025, 2, 29));
    EXPECT_FALSE(date_serial(2025, 13, 1));
    EXPECT_FALSE(date_serial(2025, 0, 10));
    EXPECT_FALSE(date_serial(2025, 4, 31));
    EXPECT_FALSE(date_serial(10000, 1, 1));
    EXPECT_FALSE(date_serial(Cell::text("2025-02-30")));
    EXPECT_FALSE(date_serial(Cell::text("20.5.2025"))) << "two digits of a day and a month";
    EXPECT_FALSE(date_serial(Cell::empty()));
}

TEST(Calendar, DateCells) {
    EXPECT_EQ(date_serial(Cell::text("2025-05-20")), 45797.0);
    EXPECT_EQ(date_serial(Cell::text("20.05.2025")), 45797.0);
    EXPECT_EQ(date_serial(Cell::number(45797.5)), 45797.5) << "a number is a serial as it is";
}

TEST(Calendar, DatesAsARussianReaderWritesThem) {
    EXPECT_EQ(date_text(1), "31.12.1899");
    EXPECT_EQ(date_text(45536), "01.09.2024");
    EXPECT_EQ(date_text(45797.75), "20.05.2025") << "the time of day is not shown";
    EXPECT_EQ(date_text(2958465), "31.12.9999");
    // Beyond Calc's dates: the number as it is.
    EXPECT_EQ(date_text(0), "0");
    EXPECT_EQ(date_text(2958466), "2958466");
    EXPECT_EQ(date_text(-1.5), "-1,5");
    EXPECT_EQ(date_text(1e308), "1e+308");
}

TEST(Calendar, TheReportingPeriod) {
    const auto p = reporting_period("2024/2025 учебный год");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->first, 45536.0);
    EXPECT_EQ(p->second, 45900.0);
    EXPECT_TRUE(reporting_period("2024 - 2025"));
    EXPECT_TRUE(reporting_period("0000-0001"));
    EXPECT_FALSE(reporting_period("2024 учебный год"));
    EXPECT_FALSE(reporting_period(""));
}

}  // namespace
}  // namespace msoko::check
