// SPDX-License-Identifier: MPL-2.0
// Issue 16, the whole cycle in real Calc: the sub-forms made from the register
// of the filled sample's blank copy, each filled by a script with the sample's
// own figures of its organisation as a school would type them, saved, and
// merged back → every figure of the merged form equals the filled form's,
// and the check finds exactly what it finds in the filled form. The register
// holds the fewest of the sample's organisations that cover every field with
// every kind of value the sample has, every flag, every kind of character in
// the sub-forms' file names and two of each type; the sub-forms of all 29 are
// made by the core and merged through the office in cli.subforms_merge.
#include "check_support.hxx"
#include "msoko/form.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/subform.hpp"
#include "msoko/validation.hpp"
#include "msoko/version.hpp"
#include "snapshot.hxx"

#include <com/sun/star/frame/XStorable.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

using namespace msoko::test;

namespace {

const msoko::Catalogue& catalogue() {
    static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    return c;
}

msoko::WorkbookSnapshot snapshot_of(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return msoko::uno::snapshot(doc, {});
}

using Seen = std::set<std::tuple<std::string, std::string, int, int, std::string, std::string, std::string>>;

Seen findings(const msoko::ValidationReport& r) {
    Seen out;
    for (const msoko::Finding& f : r.findings)
        out.insert({f.kind, f.sheet, f.row, f.col, f.organisation, f.field, f.message});
    return out;
}

void dispatch_with(Office& office, const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* command,
                   const std::vector<css::beans::PropertyValue>& args) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    css::frame::DispatchHelper::create(office.context())
        ->executeDispatch(frame, ou(command), "_self", 0, arguments(args));
}

css::beans::PropertyValue arg(const char* name, const css::uno::Any& value) {
    css::beans::PropertyValue p;
    p.Name = ou(name);
    p.Value = value;
    return p;
}

class RoundTrip : public Samples {
protected:
    void SetUp() override {
        Samples::SetUp();
        dir_ = fs::temp_directory_path() / ("msoko-roundtrip-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "forms");
    }
    void TearDown() override {
        Samples::TearDown();
        fs::remove_all(dir_);
    }
    fs::path dir_;
};

// The school types each figure of its row as the data file has it: a number as
// a number, a text as a user types it (Calc reads «2025-02-18» as a date, a
// text starting with «=» as a formula).
void type_figures(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& code,
                  const std::map<std::string, msoko::Cell>& values, std::size_t& typed) {
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        auto s = sheet_at(doc, i);
        const std::string name = name_of(s);
        const msoko::Direction* direction = nullptr;
        for (const msoko::Direction& d : catalogue().directions)
            if (msoko::direction_sheet_name(d) == name)
                direction = &d;
        if (!direction)
            continue;
        constexpr sal_Int32 code_row = msoko::DirectionSheet::kCodeRow;
        sal_Int32 row = -1;
        for (sal_Int32 r = code_row + 1; r < code_row + 40 && row < 0; ++r)
            if (text(s->getCellByPosition(0, r)) == code)
                row = r;
        if (row < 0)
            continue;  // a direction that does not concern the organisation's type
        for (sal_Int32 c = msoko::DirectionSheet::kFixedColumns; c < 200; ++c) {
            const std::string field = text(s->getCellByPosition(c, code_row));
            if (field.empty())
                break;
            bool own = false;
            for (const std::string& f : direction->fields)
                own = own || f == field;
            const auto v = values.find(field);
            if (!own || v == values.end())
                continue;  // a field linked from another direction is typed on its own sheet
            auto cell = s->getCellByPosition(c, row);
            if (v->second.kind() == msoko::Cell::Kind::Number)
                cell->setValue(v->second.number());
            else if (v->second.kind() == msoko::Cell::Kind::Text)
                cell->setFormula(ou(v->second.text()));  // as typed: a date becomes a date, as in Calc
            ++typed;
        }
    }
}

// What a typed value is to Calc: a number, a date («2025-02-18»), a formula («=…»), other text.
std::string value_kind(const msoko::Cell& v) {
    if (v.kind() != msoko::Cell::Kind::Text)
        return std::to_string(static_cast<int>(v.kind()));
    const std::string& t = v.text();
    if (!t.empty() && t[0] == '=')
        return "formula";
    const bool date = t.size() == 10 && t[4] == '-' && t[7] == '-';
    return date ? "date" : "text";
}

// The sample restricted to the fewest organisations (greedy) that hold every field with every kind of
// value the sample's organisations have, every flag, every character of the sub-forms' file names other
// than letters, digits and spaces («», №, ё, quotes…), and at least two of each type.
msoko::FormData covering_part(const msoko::FormData& sample) {
    std::map<std::string, std::set<std::string>> holders;  // field|kind, flag:…, type:…, char:… → codes
    for (const msoko::RegisterEntry& o : sample.organisations) {
        holders["type:" + o.type].insert(o.code);
        const std::string name = msoko::subform_file_name(o);
        for (std::size_t i = 0; i < name.size();) {
            const auto lead = static_cast<unsigned char>(name[i]);
            const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            const std::string ch = name.substr(i, n);
            const bool plain = n == 1 ? std::isalnum(lead) || ch == " " : (ch >= "А" && ch <= "я" && ch != "ё");
            if (!plain)
                holders["char:" + ch].insert(o.code);
            i += n;
        }
        for (const std::string& flag : o.flags)
            holders["flag:" + flag].insert(o.code);
        if (const auto v = sample.values.find(o.code); v != sample.values.end())
            for (const auto& [field, value] : v->second)
                holders[field + "|" + value_kind(value)].insert(o.code);
    }
    std::set<std::string> chosen;
    std::map<std::string, std::size_t> of_type;
    for (;;) {
        std::string best;
        std::size_t best_gain = 0;
        for (const msoko::RegisterEntry& o : sample.organisations) {
            if (chosen.count(o.code))
                continue;
            std::size_t gain = of_type[o.type] < 2 ? 1 : 0;
            for (const auto& [need, codes] : holders)
                gain += codes.count(o.code) && std::none_of(codes.begin(), codes.end(),
                                                            [&](const std::string& c) { return chosen.count(c) > 0; });
            if (gain > best_gain)
                best = o.code, best_gain = gain;
        }
        if (best_gain == 0)
            break;
        chosen.insert(best);
        for (const msoko::RegisterEntry& o : sample.organisations)
            of_type[o.type] += o.code == best ? 1 : 0;
    }
    msoko::FormData part = sample;
    part.organisations.clear();
    for (const msoko::RegisterEntry& o : sample.organisations)
        if (chosen.count(o.code))
            part.organisations.push_back(o);
    for (auto it = part.values.begin(); it != part.values.end();)
        it = it->first == msoko::kMunicipalityCode || chosen.count(it->first) ? std::next(it) : part.values.erase(it);
    part.explanations.clear();
    for (const msoko::Explanation& e : sample.explanations)
        if (e.organisation.empty() || chosen.count(e.organisation))
            part.explanations.push_back(e);
    return part;
}

TEST_F(RoundTrip, SubformsFilledByTheSchoolsMergeIntoTheSameFormAndTheSameFindings) {
    const fs::path data_file = fs::path(MSOKO_TEST_SAMPLES) / "data" / "sample-district.json";
    const msoko::FormData sample_data = msoko::read_form_data(data_file.string());
    const msoko::FormData filled_data = covering_part(sample_data);
    ASSERT_GE(filled_data.organisations.size(), 4u);
    ASSERT_LT(filled_data.organisations.size(), sample_data.organisations.size());
    const std::string catalogue_line = std::string("МСОКО для Calc ") + msoko::extension_version();

    // The blank copy: the same passport, register, municipal figures, last
    // year's values and documents; no figure of any organisation.
    msoko::FormData blank_data = filled_data;
    for (auto it = blank_data.values.begin(); it != blank_data.values.end();)
        it = it->first == msoko::kMunicipalityCode ? std::next(it) : blank_data.values.erase(it);
    ASSERT_EQ(filled_data.values.size(), filled_data.organisations.size() + 1) << "each of them has figures";
    ASSERT_EQ(blank_data.values.size(), filled_data.values.count(msoko::kMunicipalityCode));
    const fs::path blank_fods = dir_ / "blank.fods";
    {
        std::ofstream(blank_fods, std::ios::binary) << msoko::form_fods(catalogue(), blank_data, catalogue_line);
        std::ofstream(dir_ / "filled.fods", std::ios::binary)
            << msoko::form_fods(catalogue(), filled_data, catalogue_line);
    }
    const fs::path form = dir_ / fs::u8path("Ольховоборский — МСОКО.ods");
    {
        auto fods = office_->open(blank_fods, Office::Access::ReadOnly);
        css::beans::PropertyValue filter = arg("FilterName", css::uno::Any(ou("calc8")));
        Reference<css::frame::XStorable>(fods, UNO_QUERY_THROW)
            ->storeToURL(ou(msoko::office::file_url(form)), css::uno::Sequence<css::beans::PropertyValue>(&filter, 1));
        Office::close(fods);
    }
    docs_.push_back(office_->open(form, Office::Access::ReadWrite, /*with_view=*/true));
    auto municipal = docs_.back();
    recalc(municipal);

    // Make: one sub-form per organisation of the register.
    dispatch_with(*office_, municipal, "org.msoko.calc:MakeSubforms",
                  {arg("Folder", css::uno::Any(ou(msoko::office::file_url(dir_ / "forms")))),
                   arg("Replace", css::uno::Any(true))});
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir_ / "forms"))
        if (e.path().extension() == ".ods")
            files.push_back(e.path());
    ASSERT_EQ(files.size(), filled_data.organisations.size()) << "one sub-form per organisation";

    // Each school fills its own and saves it.
    std::set<std::string> seen_codes;
    std::size_t typed = 0;
    for (const fs::path& file : files) {
        auto sub = office_->open(file, Office::Access::ReadWrite, /*with_view=*/true);
        const auto origin = msoko::read_subform_origin(snapshot_of(sub));
        ASSERT_TRUE(origin) << file << " is no sub-form";
        seen_codes.insert(origin->organisation);
        if (const auto v = filled_data.values.find(origin->organisation); v != filled_data.values.end())
            type_figures(sub, origin->organisation, v->second, typed);
        Reference<css::frame::XStorable>(sub, UNO_QUERY_THROW)->store();
        Office::close(sub);
    }
    EXPECT_EQ(seen_codes.size(), filled_data.organisations.size()) << "every organisation has its own sub-form";
    EXPECT_GT(typed, 300u) << "the schools typed the sample's figures";

    // Merge them back.
    dispatch_with(*office_, municipal, "org.msoko.calc:MergeSubforms",
                  {arg("Files", css::uno::Any(ou(msoko::office::file_url(dir_ / "forms")))),
                   arg("Conflicts", css::uno::Any(ou("keep")))});
    recalc(municipal);
    EXPECT_TRUE(municipal->getSheets()->hasByName(ou(msoko::kCollectionSheet))) << "no «Сбор форм»";

    docs_.push_back(office_->open(dir_ / "filled.fods", Office::Access::ReadOnly));
    auto filled = docs_.back();
    recalc(filled);
    const msoko::WorkbookSnapshot merged_snapshot = snapshot_of(municipal);
    const msoko::WorkbookSnapshot filled_snapshot = snapshot_of(filled);
    const msoko::FormContents merged = msoko::read_form(catalogue(), merged_snapshot);
    const msoko::FormContents expected = msoko::read_form(catalogue(), filled_snapshot);
    std::size_t compared = 0, differ = 0;
    for (const msoko::Organisation& o : expected.workbook.organisations())
        for (const msoko::Direction& d : catalogue().directions)
            for (const std::string& f : d.fields) {
                const msoko::Cell& want = expected.workbook.value(o.code, f);
                const msoko::Cell& got = merged.workbook.value(o.code, f);
                compared += want.is_empty() ? 0 : 1;
                if (!(want == got) && differ++ < 20)
                    ADD_FAILURE() << o.code << " " << f << ": «" << msoko::cell_text(got) << "», the sample has «"
                                  << msoko::cell_text(want) << "»";
            }
    EXPECT_EQ(differ, 0u);
    EXPECT_GT(compared, 300u);
    EXPECT_EQ(findings(msoko::validate(catalogue(), merged_snapshot)),
              findings(msoko::validate(catalogue(), filled_snapshot)))
        << "the merged form is checked as the filled form is";
}

}  // namespace
