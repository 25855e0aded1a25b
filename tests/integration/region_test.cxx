// SPDX-License-Identifier: MPL-2.0
// The regional center's side in real Calc: municipal forms (made from the
// sample's data, each municipality with other organisations) read and checked
// as the region receives them, a damaged file and a workbook that is no form
// each a line, the region's values equal to Σ/Σ computed here from the data
// alone, the region workbook with Calc's charts, which a LibreOffice without
// the extension opens with no formula and no error; and the menu command.
#include "support.hxx"

#include "msoko/form_data.hpp"
#include "msoko/region.hpp"
#include "msoko/region_files.hpp"
#include "msoko/region_workbook.hpp"
#include "region_book.hxx"
#include "snapshot.hxx"

#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

#include <cmath>
#include <map>
#include <random>

namespace {

using namespace msoko::test;
namespace fs = std::filesystem;

const msoko::Catalogue& catalogue() {
    static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    return c;
}

const char* const kNames[] = {"Берёзовский муниципальный округ", "Кленовский муниципальный округ",
                              "Сосновский муниципальный район"};

// The sample's data as a municipality of its own: its name, and a different half of the organisations.
std::vector<msoko::FormData> municipalities() {
    const msoko::FormData sample =
        msoko::read_form_data(std::string(MSOKO_TEST_SAMPLES) + "/data/sample-district.json");
    std::vector<msoko::FormData> out;
    for (std::size_t k = 0; k < std::size(kNames); ++k) {
        msoko::FormData d = sample;
        d.passport["municipality"] = kNames[k];
        std::mt19937 random(static_cast<unsigned>(k + 7));
        for (const auto& org : sample.organisations)
            if (random() % 2)
                d.values.erase(org.code);
        out.push_back(std::move(d));
    }
    return out;
}

// Σ numerators / Σ denominators of a ratio indicator over every organisation of every form that has
// all its figures as numbers — from the data files alone, not by the engine or the region.
std::optional<double> independent(const msoko::Indicator& ind, const std::vector<msoko::FormData>& forms) {
    double num = 0, den = 0;
    bool any = false;
    for (const auto& f : forms)
        for (const auto& org : f.organisations) {
            if (std::find(ind.org_types.begin(), ind.org_types.end(), org.type) == ind.org_types.end())
                continue;
            if (!ind.scope_flags.empty() &&
                std::none_of(ind.scope_flags.begin(), ind.scope_flags.end(), [&](const std::string& flag) {
                    return std::find(org.flags.begin(), org.flags.end(), flag) != org.flags.end();
                }))
                continue;
            const auto values = f.values.find(org.code);
            if (values == f.values.end())
                continue;
            double n = 0, d = 0;
            bool all = true;
            const auto add = [&](const std::vector<std::string>& fields, double& sum) {
                for (const auto& id : fields) {
                    const auto v = values->second.find(id);
                    if (v == values->second.end() || v->second.kind() != msoko::Cell::Kind::Number)
                        all = false;
                    else
                        sum += v->second.number();
                }
            };
            add(ind.compute.numerator, n);
            add(ind.compute.denominator, d);
            if (!all)
                continue;
            num += n;
            den += d;
            any = true;
        }
    if (!any || den == 0)
        return std::nullopt;
    return ind.compute.multiplier * num / den;
}

class Region : public OfficeSuite {
protected:
    static void SetUpTestSuite() {
        start({});
        dir_ = fs::temp_directory_path() / ("msoko-region-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "формы");
        data_ = municipalities();
        for (const auto& d : data_) {
            std::ofstream(dir_ / "формы" / (d.passport.at("municipality") + ".fods"))
                << msoko::form_fods(catalogue(), d, "test");
        }
        // A damaged file and a spreadsheet that is no form.
        std::ofstream(dir_ / "формы" / "повреждённый.ods") << "PK\x03\x04 this is no zip";
        auto blank = office_->create_spreadsheet();
        Reference<css::frame::XStorable>(blank, UNO_QUERY_THROW)
            ->storeToURL(ou(msoko::office::file_url(dir_ / "формы" / "таблица.ods")),
                         arguments({{"FilterName", -1, css::uno::Any(OUString("calc8")),
                                     css::beans::PropertyState_DIRECT_VALUE}}));
        Office::close(blank);
    }
    static void TearDownTestSuite() {
        OfficeSuite::TearDownTestSuite();
        fs::remove_all(dir_);
    }

    // Every input of the folder read as `msoko region` reads it (in this office), once for the suite.
    static const msoko::Region& region() {
        static const msoko::Region read = read_region();
        return read;
    }
    static msoko::Region read_region() {
        const msoko::RegionInputs found = msoko::find_region_inputs({dir_ / "формы"});
        std::vector<msoko::RegionForm> forms;
        std::vector<msoko::RegionFailure> failures = found.failures;
        for (const auto& in : found.inputs) {
            try {
                auto doc = office_->open(in.path, Office::Access::Copy);
                try {
                    forms.push_back(
                        msoko::uno::read_region_form(doc, catalogue(), {}, in.shown, "2026-06-30T00:00:00Z"));
                } catch (const msoko::uno::UserError& e) {
                    failures.push_back({in.shown, e.what()});
                }
                Office::close(doc);
            } catch (const msoko::office::OfficeError& e) {
                failures.push_back({in.shown, e.what()});
            }
        }
        return msoko::consolidate(catalogue(), std::move(forms), failures);
    }

    static inline fs::path dir_;
    static inline std::vector<msoko::FormData> data_;
};

TEST_F(Region, TheRegionsSharesAreSumOverSumOfTheDataAndEveryBadFileIsALine) {
    const msoko::Region& region = Region::region();
    ASSERT_EQ(region.accepted(), 3u) << msoko::region_summary(region);
    std::map<std::string, std::string> failed;
    for (const auto& e : region.entries)
        if (e.status == msoko::RegionEntry::Status::Failed)
            failed[e.file] = e.message;
    ASSERT_EQ(failed.size(), 2u);
    EXPECT_NE(failed["повреждённый.ods"], "");
    EXPECT_NE(failed["таблица.ods"].find("не является формой"), std::string::npos) << failed["таблица.ods"];
    std::size_t compared = 0;
    for (std::size_t i = 0; i < catalogue().indicators.size(); ++i) {
        const msoko::Indicator& ind = catalogue().indicators[i];
        if (ind.compute.kind != msoko::Computation::Kind::Ratio || ind.concerns(catalogue().municipal_type().id))
            continue;
        const std::optional<double> expected = independent(ind, data_);
        const msoko::RegionValue& v = region.values[i];
        ASSERT_EQ(expected.has_value(), v.value.has_value()) << ind.id;
        if (expected) {
            EXPECT_NEAR(*v.value, *expected, 1e-9) << ind.id;
            ++compared;
        }
    }
    EXPECT_GT(compared, 40u);
    // Every municipality ranked, the best at 100 on each ranked indicator.
    for (const auto& r : region.rankings)
        if (r.scored >= 2) {
            double best = 0;
            for (const auto& s : r.scores)
                if (s.score)
                    best = std::max(best, *s.score);
            EXPECT_EQ(best, 100) << r.indicator->id;
        }
}

TEST_F(Region, TheWorkbookHasCalcsChartsAndOpensWithoutTheExtensionWithNoError) {
    const msoko::Region& region = Region::region();
    const msoko::RegionWorkbook book = msoko::region_workbook(catalogue(), region, "test");
    ASSERT_GE(book.charts.size(), 8u);
    Reference<css::frame::XComponentLoader> loader(office_->desktop(), UNO_QUERY_THROW);
    auto doc = msoko::uno::open_region_workbook(loader, book, true);
    docs_.push_back(doc);
    Reference<css::table::XTableChartsSupplier> charts(sheet(doc, msoko::kRegionChartsSheet), UNO_QUERY_THROW);
    EXPECT_EQ(charts->getCharts()->getElementNames().getLength(), static_cast<sal_Int32>(book.charts.size()));
    const fs::path stored = dir_ / "свод.ods";
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
        ->storeToURL(
            ou(msoko::office::file_url(stored)),
            arguments({{"FilterName", -1, css::uno::Any(OUString("calc8")), css::beans::PropertyState_DIRECT_VALUE}}));

    msoko::office::Options plain;  // no extension at all
    Office bare(plain);
    auto copy = bare.open(stored, Office::Access::ReadOnly);
    const auto names = copy->getSheets()->getElementNames();
    EXPECT_EQ(names.getLength(), 6);
    for (const auto& name : names) {
        Reference<css::sheet::XCellRangesQuery> query(sheet(copy, u8(name).c_str()), UNO_QUERY_THROW);
        EXPECT_EQ(query->queryContentCells(css::sheet::CellFlags::FORMULA)->getCount(), 0) << u8(name);
        const std::string all = contents(sheet(copy, u8(name).c_str()));
        for (const char* error : {"Err:", "#NAME", "#VALUE", "#DIV", "#N/A", "#REF"})
            EXPECT_EQ(all.find(error), std::string::npos) << u8(name) << ": " << error;
    }
    // «Показатели региона» holds the region's values.
    auto values = sheet(copy, msoko::kRegionValuesSheet);
    const msoko::RegionValue* first = region.value(catalogue().indicators.front().id);
    ASSERT_TRUE(first && first->value);
    EXPECT_NEAR(values->getCellByPosition(3, 4)->getValue(), *first->value, 1e-9);
    Reference<css::table::XTableChartsSupplier> kept(sheet(copy, msoko::kRegionChartsSheet), UNO_QUERY_THROW);
    EXPECT_EQ(kept->getCharts()->getElementNames().getLength(), static_cast<sal_Int32>(book.charts.size()));
    Office::close(copy);
}

TEST_F(Region, TheMenuCommandOpensTheRegionWorkbookAndChangesNoForm) {
    std::map<fs::path, fs::file_time_type> before;
    for (const auto& f : fs::directory_iterator(dir_ / "формы"))
        before[f.path()] = fs::last_write_time(f.path());
    auto form = office_->open(dir_ / "формы" / (std::string(kNames[0]) + ".fods"), Office::Access::Copy, true);
    docs_.push_back(form);
    Reference<css::frame::XModel> model(form, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> provider(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    auto helper = css::frame::DispatchHelper::create(office_->context());
    helper->executeDispatch(provider, "org.msoko.calc:ConsolidateRegion", "", 0,
                            arguments({{"Folder", -1, css::uno::Any(ou((dir_ / "формы").string())),
                                        css::beans::PropertyState_DIRECT_VALUE}}));
    Reference<css::sheet::XSpreadsheetDocument> opened;
    auto all = office_->desktop()->getComponents()->createEnumeration();
    while (all->hasMoreElements()) {
        Reference<css::sheet::XSpreadsheetDocument> d(all->nextElement(), css::uno::UNO_QUERY);
        if (d.is() && d->getSheets()->hasByName(ou(msoko::kRegionRankingSheet)))
            opened = d;
    }
    ASSERT_TRUE(opened.is()) << "no region workbook was opened";
    docs_.push_back(opened);
    EXPECT_FALSE(Reference<css::frame::XStorable>(opened, UNO_QUERY_THROW)->hasLocation());  // new, untitled
    // «Готовность»: the three forms and the two bad files, one line each.
    EXPECT_EQ(text(cell(sheet(opened, msoko::kRegionReadinessSheet), "B5")), kNames[0]);
    EXPECT_EQ(text(cell(sheet(opened, msoko::kRegionReadinessSheet), "A9")), "5");
    for (const auto& [file, time] : before)
        EXPECT_EQ(fs::last_write_time(file), time) << file;
}

}  // namespace
