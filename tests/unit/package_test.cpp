// SPDX-License-Identifier: MPL-2.0
// The submission package's names, the verdict on a checked form, and its
// folder written whole or not at all.
#include "msoko/package.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <unistd.h>

namespace msoko {
namespace {

namespace fs = std::filesystem;

ReportRow finding(Severity s, std::size_t number, std::string cell, std::string message) {
    ReportRow r;
    r.number = number;
    r.severity = s;
    r.sheet = "Показатели";
    r.cell = std::move(cell);
    r.message = std::move(message);
    r.kind = "plausibility.dynamics";
    return r;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class Folder : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("msoko-package-test-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    // Everything in the parent folder but the target: nothing left behind.
    std::size_t leftovers() const {
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(dir_))
            n += e.path().filename() != target().filename();
        return n;
    }
    fs::path target() const { return dir_ / fs::u8path("Ольховоборский — к отправке"); }
    fs::path dir_;
};

TEST(Package, IsNamedAfterTheForm) {
    const fs::path form = fs::u8path("/home/uo/Ольховоборский — МСОКО 2025-2026.ods");
    EXPECT_EQ(package_folder_name(form), "Ольховоборский — МСОКО 2025-2026 — к отправке");
    EXPECT_EQ(default_package_folder(form), fs::u8path("/home/uo/Ольховоборский — МСОКО 2025-2026 — к отправке"));
    const auto files = package_files(form);
    ASSERT_EQ(files.size(), 7u);
    EXPECT_EQ(files.front(), "Ольховоборский — МСОКО 2025-2026.ods");
    EXPECT_EQ(files[1], "Ольховоборский — МСОКО 2025-2026.xlsx");
    EXPECT_EQ(files.back(), "SHA256SUMS");
}

TEST(Package, SaysWhenItWasPrepared) {
    const PreparedAt at = prepared_now();
    // 2026-12-01T21:35:57+07:00
    ASSERT_EQ(at.iso.size(), 25u) << at.iso;
    EXPECT_EQ(at.iso[10], 'T');
    EXPECT_TRUE(at.iso[19] == '+' || at.iso[19] == '-') << at.iso;
    // «1 декабря 2026 г., 21:35»: the day, the month's name, the year as the ISO date has them.
    const int day = std::stoi(at.iso.substr(8, 2));
    EXPECT_EQ(at.text.rfind(std::to_string(day) + " ", 0), 0u) << at.text;
    EXPECT_NE(at.text.find(" " + at.iso.substr(0, 4) + " г., " + at.iso.substr(11, 5)), std::string::npos) << at.text;
}

TEST(Package, ErrorsHoldItBackAndAreCounted) {
    ReportModel m;
    m.errors = 22;
    m.rows = {finding(Severity::Error, 1, "E5", "Текст вместо числа")};
    PackageVerdict v = package_verdict(m);
    EXPECT_EQ(v.status, PackageVerdict::Status::HasErrors);
    EXPECT_NE(v.message.find("22 ошибки"), std::string::npos) << v.message;
    m.errors = 1;  // one error: its message is shown (a form of another version says why)
    v = package_verdict(m);
    EXPECT_NE(v.message.find("1 ошибка"), std::string::npos) << v.message;
    EXPECT_NE(v.message.find("«Показатели», E5: Текст вместо числа"), std::string::npos) << v.message;
    m.errors = 11;
    EXPECT_NE(package_verdict(m).message.find("11 ошибок"), std::string::npos);
}

TEST(Package, WarningsNeedAnExplanationEach) {
    ReportModel m;
    m.warnings = 3;
    m.rows = {finding(Severity::Warning, 1, "E7", "Рост на 12 п. п."),
              finding(Severity::Warning, 2, "E9", "Рост на 15 п. п."), finding(Severity::Info, 3, "", "Сведения")};
    m.rows[0].explanation = "Открыта новая школа";
    PackageVerdict v = package_verdict(m);
    EXPECT_EQ(v.status, PackageVerdict::Status::Unexplained);
    ASSERT_EQ(v.unexplained.size(), 1u);
    EXPECT_EQ(v.unexplained[0].cell, "E9");
    EXPECT_NE(v.message.find("№ 2 — «Показатели», E9: Рост на 15 п. п."), std::string::npos) << v.message;
    EXPECT_EQ(v.message.find("E7"), std::string::npos) << "an explained warning is not listed";
    m.rows[1].explanation = "Сменился состав выпускников";
    v = package_verdict(m);
    EXPECT_EQ(v.status, PackageVerdict::Status::Ready);
    EXPECT_TRUE(v.message.empty());
}

TEST(Package, ALongListIsCut) {
    ReportModel m;
    for (std::size_t i = 1; i <= 14; ++i)
        m.rows.push_back(finding(Severity::Warning, i, "E" + std::to_string(i), "Рост"));
    const PackageVerdict v = package_verdict(m, 10);
    EXPECT_EQ(v.unexplained.size(), 14u);
    EXPECT_NE(v.message.find("… и ещё 4"), std::string::npos) << v.message;
    EXPECT_EQ(v.message.find("E11:"), std::string::npos);
}

TEST_F(Folder, AppearsWholeOnCommit) {
    {
        StagedFolder staged(target());
        staged.write("indicators.csv", "a;b\r\n");
        EXPECT_FALSE(fs::exists(target())) << "nothing is in place before the commit";
        staged.commit(false);
    }
    EXPECT_EQ(read(target() / "indicators.csv"), "a;b\r\n");
    EXPECT_EQ(leftovers(), 0u);
}

TEST_F(Folder, IsNotWrittenHalfWhenTheWorkFails) {
    try {
        StagedFolder staged(target());
        staged.write("indicators.csv", "a");
        throw std::runtime_error("the note could not be exported");
    } catch (const std::runtime_error&) {
    }
    EXPECT_FALSE(fs::exists(target()));
    EXPECT_EQ(leftovers(), 0u) << "the temporary folder is removed";
}

TEST_F(Folder, ReplacesAnOldPackageOnlyWhenAsked) {
    fs::create_directories(target());
    std::ofstream(target() / "old.txt") << "old";
    {
        StagedFolder staged(target());
        staged.write("new.txt", "new");
        EXPECT_THROW(staged.commit(false), PackageError);
    }
    EXPECT_TRUE(fs::exists(target() / "old.txt")) << "refused: the old package stays";
    EXPECT_EQ(leftovers(), 0u);
    {
        StagedFolder staged(target());
        staged.write("new.txt", "new");
        staged.commit(true);
    }
    EXPECT_FALSE(fs::exists(target() / "old.txt"));
    EXPECT_EQ(read(target() / "new.txt"), "new");
    EXPECT_EQ(leftovers(), 0u);
}

TEST_F(Folder, AMissingParentIsNamedInRussian) {
    try {
        StagedFolder staged(dir_ / "нет такой" / "пакет");
        FAIL() << "no error";
    } catch (const PackageError& e) {
        EXPECT_NE(std::string(e.what()).find("нет такой"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("некуда записать"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace msoko
