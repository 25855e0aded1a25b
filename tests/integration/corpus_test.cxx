// SPDX-License-Identifier: MPL-2.0

#include "check_support.hxx"

using namespace msoko::test;

namespace {

namespace corpus {

using Finding = std::tuple<std::string, std::string, std::string, std::string>;  // severity, sheet, cell, rule

struct Case {
    std::string name, about;
    std::multiset<Finding> expected;
    bool untouched = false;  ///< not a form: the menu command writes no report sheet into it
};
void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name;
}

std::multiset<Finding> findings(const boost::json::value& list) {
    std::multiset<Finding> out;
    for (const auto& f : list.as_array()) {
        const auto& a = f.as_array();
        out.insert({std::string(a.at(0).as_string()), std::string(a.at(1).as_string()),
                    std::string(a.at(2).as_string()), std::string(a.at(3).as_string())});
    }
    return out;
}

// Every case with its complete expected list: the valid form's findings plus
// the case's own, less those it makes go (unless the case stands alone).
std::vector<Case> load() {
    std::ifstream in(fs::path(MSOKO_TEST_CORPUS) / "cases.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto recipe = boost::json::parse(text.str()).as_object();
    std::vector<Case> cases;
    std::multiset<Finding> valid;
    for (const auto& v : recipe.at("cases").as_array()) {
        const auto& o = v.as_object();
        Case c{std::string(o.at("name").as_string()), std::string(o.at("about").as_string()), {}};
        c.untouched = o.contains("untouched") && o.at("untouched").as_bool();
        const auto own = o.contains("expected") ? findings(o.at("expected")) : std::multiset<Finding>{};
        if (c.name == "valid")
            valid = own;
        if (o.contains("alone") && o.at("alone").as_bool()) {
            c.expected = own;
        } else {
            c.expected = valid;
            c.expected.insert(own.begin(), own.end());
            if (o.contains("gone"))
                for (const auto& g : findings(o.at("gone"))) {
                    auto it = c.expected.find(g);
                    if (it != c.expected.end())
                        c.expected.erase(it);
                }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

std::string show(const Finding& f) {
    return std::get<0>(f) + " | " + std::get<1>(f) + " | " + std::get<2>(f) + " | " + std::get<3>(f);
}

}  // namespace corpus

class Corpus : public Samples, public ::testing::WithParamInterface<corpus::Case> {};

TEST_P(Corpus, ExactFindingsAndNoValueChanged) {
    const corpus::Case& c = GetParam();
    const fs::path dir = fs::temp_directory_path() / ("msoko-corpus-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / (c.name + ".ods");
    fs::copy_file(fs::path(MSOKO_TEST_CORPUS) / file.filename(), file, fs::copy_options::overwrite_existing);
    try {
        docs_.push_back(office_->open(file, Office::Access::ReadWrite, /*with_view=*/true));
        auto doc = docs_.back();
        recalc(doc);
        const auto before = validation::everything(doc);
        if (c.untouched) {
            // Not a form: no report sheet, no sheet more, no value changed; the log says why.
            const auto sheets = [&] {
                return Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount();
            };
            const sal_Int32 count = sheets();
            const auto told = [&] {
                const std::string all = validation::log_of(*office_);
                std::size_t n = 0;
                for (auto at = all.find("the document is not a form"); at != std::string::npos;
                     at = all.find("the document is not a form", at + 1))
                    ++n;
                return n;
            };
            const std::size_t messages = told();
            validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
            EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка"))) << c.about;
            EXPECT_EQ(sheets(), count);
            EXPECT_EQ(validation::everything(doc), before) << "the check changed a workbook that is not a form";
            EXPECT_EQ(told(), messages + 1) << "the log tells the workbook is not a form";
            fs::remove_all(dir);
            return;
        }
        std::multiset<corpus::Finding> actual;
        for (const auto& r : validation::validate(*office_, doc))
            actual.insert({r.severity, r.sheet, r.cell, r.rule});
        std::string missing, extra;
        for (const auto& f : c.expected)
            if (actual.count(f) < c.expected.count(f) && missing.find(corpus::show(f)) == std::string::npos)
                missing += "\n  " + corpus::show(f);
        for (const auto& f : actual)
            if (c.expected.count(f) < actual.count(f) && extra.find(corpus::show(f)) == std::string::npos)
                extra += "\n  " + corpus::show(f);
        EXPECT_TRUE(actual == c.expected) << c.about << "\nnot found:" << missing << "\nnot expected:" << extra;
        EXPECT_EQ(validation::everything(doc), before) << "the check changed a value outside its report";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Check, Corpus, ::testing::ValuesIn(corpus::load()),
                         [](const ::testing::TestParamInfo<corpus::Case>& param_info) {
                             std::string name = param_info.param.name;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

}  // namespace
