// SPDX-License-Identifier: MPL-2.0
#include "msoko/catalogue_info.hpp"
#include "msoko/version.hpp"

#include <gtest/gtest.h>

#include <string>

#ifndef MSOKO_CATALOGUE_FILE
#error "MSOKO_CATALOGUE_FILE must name the shipped catalogue"
#endif

namespace msoko {
namespace {

struct BadCatalogue {
    const char* name;
    const char* json;
    const char* where;    // expected place
    const char* message;  // expected part of the message
};

void PrintTo(const BadCatalogue& c, std::ostream* os) {
    *os << c.name;
}

class CatalogueInfoRejects : public ::testing::TestWithParam<BadCatalogue> {};

TEST_P(CatalogueInfoRejects, NamingFilePlaceAndProblem) {
    const BadCatalogue& c = GetParam();
    try {
        parse_catalogue_info(c.json, "cat.json");
        FAIL() << c.name << ": accepted";
    } catch (const CatalogueError& e) {
        EXPECT_EQ(e.file(), "cat.json");
        EXPECT_EQ(e.where(), c.where) << e.what();
        EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind("cat.json:", 0), 0u) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Format, CatalogueInfoRejects,
    ::testing::Values(
        BadCatalogue{"syntax error on line 3", "{\n \"format\": \"msoko-catalogue/1\",\n \"id\": ]", "line 3 column 8",
                     "not valid JSON"},
        BadCatalogue{"empty file", "", "line 1 column 1", "not valid JSON"},
        BadCatalogue{"not an object", "[1, 2]", "/", "must be a JSON object"},
        BadCatalogue{"format missing", R"({"id":"a","version":"1","title":"t"})", "/format",
                     "required member is missing"},
        BadCatalogue{"another format", R"({"format":"msoko-catalogue/9","id":"a","version":"1","title":"t"})",
                     "/format", "is not supported"},
        BadCatalogue{"id not a string", R"({"format":"msoko-catalogue/1","id":5,"version":"1","title":"t"})", "/id",
                     "must be a string"},
        BadCatalogue{"empty version", R"({"format":"msoko-catalogue/1","id":"a","version":"","title":"t"})", "/version",
                     "must not be empty"},
        BadCatalogue{"title missing", R"({"format":"msoko-catalogue/1","id":"a","version":"1"})", "/title",
                     "required member is missing"}));

TEST(CatalogueInfo, ReadsTheShippedCatalogue) {
    const CatalogueInfo info = read_catalogue_info(MSOKO_CATALOGUE_FILE);
    EXPECT_EQ(info.format, kCatalogueFormat);
    EXPECT_EQ(info.id, "msoko-267-1");
    EXPECT_FALSE(info.version.empty());
    EXPECT_NE(info.title.find("267/1"), std::string::npos);
}

TEST(CatalogueInfo, MissingFileIsAnErrorNamingIt) {
    try {
        read_catalogue_info("/nonexistent/cat.json");
        FAIL();
    } catch (const CatalogueError& e) {
        EXPECT_EQ(e.file(), "/nonexistent/cat.json");
        EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos);
    }
}

TEST(VersionText, NamesExtensionAndCatalogue) {
    const CatalogueInfo info{kCatalogueFormat, "msoko-267-1", "2021.1", "Мониторинг"};
    EXPECT_EQ(version_text(&info), std::string("МСОКО для Calc ") + extension_version() +
                                       "; каталог msoko-267-1 версии 2021.1 «Мониторинг»");
}

TEST(VersionText, SaysWhenTheCatalogueIsMissing) {
    EXPECT_EQ(version_text(nullptr),
              std::string("МСОКО для Calc ") + extension_version() + "; каталог показателей не загружен");
    EXPECT_STREQ(extension_version(), MSOKO_EXPECTED_VERSION);
}

}  // namespace
}  // namespace msoko
