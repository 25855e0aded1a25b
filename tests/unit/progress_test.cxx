// SPDX-License-Identifier: MPL-2.0
// The progress of msoko region (cli/progress.hxx): the terminal's line fitted
// to its width, and the plain lines written when standard error is no terminal.

#include "progress.hxx"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

namespace {

using msoko::cli::display_width;
using msoko::cli::progress_line;

TEST(ProgressLine, BarCountAndItemInATerminal) {
    const std::string line = progress_line(12, 40, "Ольховоборский.ods", 80);
    // 26 cells of bar (a third of 79 columns, at most 30), 12/40 of them full: 7.
    std::string bar;
    for (int i = 0; i < 26; ++i)
        bar += i < 7 ? "█" : "░";
    EXPECT_EQ(line, "[" + bar + "] 12/40  Ольховоборский.ods");
    EXPECT_LE(display_width(line), 79u);
    // At most 30 cells in a wide one.
    std::string full;
    for (int i = 0; i < 30; ++i)
        full += "█";
    EXPECT_EQ(progress_line(40, 40, "", 200), "[" + full + "] 40/40");
}

TEST(ProgressLine, ALongItemIsCutToTheWidth) {
    const std::string item(200, 'x');
    for (std::size_t width : {20u, 40u, 57u, 80u, 81u, 200u}) {
        const std::string line = progress_line(3, 7, "Берёзовский муниципальный округ " + item, width);
        EXPECT_EQ(display_width(line), width - 1) << line;
        EXPECT_NE(line.find("3/7  Берё"), std::string::npos) << line;
        EXPECT_EQ(line.substr(line.size() - 3), "…");
    }
}

TEST(ProgressLine, NoBarInANarrowTerminal) {
    EXPECT_EQ(progress_line(5, 40, "a.ods", 14), "5/40  a.ods");
    EXPECT_EQ(progress_line(5, 40, "abcdefgh.ods", 14), "5/40  abcdef…");
    EXPECT_EQ(progress_line(15, 400, "a.ods", 6), "15/40");
    EXPECT_EQ(progress_line(15, 400, "a.ods", 0), "");
}

TEST(ProgressLine, FullAndEmptyBars) {
    EXPECT_EQ(progress_line(0, 4, "", 19), "[░░░░░░] 0/4");
    EXPECT_EQ(progress_line(4, 4, "", 19), "[██████] 4/4");
    EXPECT_EQ(progress_line(0, 0, "", 19), "[██████] 0/0");
}

TEST(Progress, NotATerminalWritesOnePlainLinePerItem) {
    std::ostringstream out;
    {
        msoko::cli::Progress progress(3, out);
        EXPECT_FALSE(progress.terminal());
        progress.step("Берёзовский.ods", true);
        progress.step("Ольховоборский.ods", false);
        progress.step("Каменский.ods", true);
        progress.finish();
        progress.step("после конца.ods", true);  // ignored
    }
    EXPECT_EQ(out.str(),
              "1/3 Берёзовский.ods: готово\n"
              "2/3 Ольховоборский.ods: ошибка\n"
              "3/3 Каменский.ods: готово\n");
}

TEST(Progress, StepsFromSeveralThreadsAreWholeLines) {
    std::ostringstream out;
    msoko::cli::Progress progress(400, out);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i)
                progress.step("форма.ods", true);
        });
    for (auto& t : threads)
        t.join();
    progress.finish();
    std::istringstream lines(out.str());
    std::string line;
    std::size_t n = 0;
    while (std::getline(lines, line)) {
        ++n;
        EXPECT_EQ(line, std::to_string(n) + "/400 форма.ods: готово");
    }
    EXPECT_EQ(n, 400u);
}

}  // namespace
