// SPDX-License-Identifier: MPL-2.0
// The figures of the filled sample, for the test that reads them as the
// regional center would (check_submission.py): reads a committed flat ODF
// form without an office (tests/unit/fods_snapshot.hpp), names one
// organisation like a formula, checks it, explains every warning, and writes
// into OUT_DIR
//   indicators.json, indicators.csv — what the package holds;
//   expected.json — the engine's figures, computed here on their own
//   (form_indicators over the form, Engine::organisation), to compare with.
// Usage: msoko-submission-sample CATALOGUE FORM.fods OUT_DIR

#include "../unit/fods_snapshot.hpp"
#include "msoko/engine.hpp"
#include "msoko/explanations.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/report_model.hpp"
#include "msoko/submission.hpp"
#include "msoko/version.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

namespace json = boost::json;
using namespace msoko;

// The organisation renamed, and the explanation of every warning: texts that
// a spreadsheet would take for a formula, or that need quoting in a CSV.
constexpr const char* kFormulaName = "=HYPERLINK(\"http://x\";\"y\")";
constexpr const char* kExplanation = "-Проверено; \"так и есть\"\nсм. приказ";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out)
        throw std::runtime_error("cannot write " + path);
}

json::value number(const Result& r) {
    return r.has_value() ? json::value(r.value()) : json::value(nullptr);
}

json::value sum(const std::optional<double>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: msoko-submission-sample CATALOGUE FORM.fods OUT_DIR\n";
        return 2;
    }
    try {
        const Catalogue catalogue = read_catalogue(argv[1]);
        // The register's second organisation named like a formula (its full
        // name and its short one, which the form's tables show).
        const FormLayout layout = form_layout(catalogue, {});
        const WorkbookSnapshot wb = test::fods_snapshot(catalogue, read_file(argv[2]), [&](WorkbookSnapshot& typed) {
            SheetSnapshot* reg = test::detail::sheet_named(typed, kRegisterSheet);
            if (!reg)
                throw std::runtime_error("the form has no register");
            const auto row = static_cast<std::size_t>(FormLayout::kRegisterFirstRow + 1);
            for (const char* key : {"name", "short"})
                reg->set(row, static_cast<std::size_t>(layout.register_column(key)), Cell::text(kFormulaName));
        });

        ReportModel report = report_model(validate(catalogue, wb), catalogue);
        std::vector<Explanation> kept;
        for (const ReportRow& r : report.rows)
            if (r.severity == Severity::Warning) {
                kept.push_back(explanation_of(r));
                kept.back().text = kExplanation;
            }
        explain(report, kept);

        const SubmissionFigures figures = submission_figures(catalogue, wb, report);
        const std::string out = argv[3];
        write_file(out + "/indicators.json", submission_json(figures, {"2026-12-01T21:35:57+03:00", extension_version(),
                                                                       "Ольховоборский — МСОКО 2025-2026.ods"}));
        write_file(out + "/indicators.csv", submission_csv(figures));

        // The engine's figures on their own.
        const FormContents form = read_form(catalogue, wb);
        const Engine engine(catalogue, form.workbook);
        json::object expected;
        expected["formula_name"] = kFormulaName;
        expected["explanation"] = kExplanation;
        expected["warnings"] = report.warnings;
        json::object indicators;
        for (const FormIndicator& fi : form_indicators(catalogue, form)) {
            const Indicator& ind = *fi.indicator;
            const IndicatorResult m = engine.municipality(ind.id);
            json::object o;
            o["status"] = status_key(fi.value.result.status());
            o["value"] = number(fi.value.result);
            o["numerator"] = sum(m.numerator);
            o["denominator"] = sum(m.denominator);
            json::object orgs;
            for (const Organisation& org : form.workbook.organisations()) {
                if (org.code == kMunicipalityCode || !ind.concerns(org.type))
                    continue;
                const IndicatorResult r = engine.organisation(ind.id, org.code);
                orgs[org.code] = {
                    {"status", status_key(r.result.status())}, {"value", number(r.result)}, {"name", org.name}};
            }
            o["organisations"] = std::move(orgs);
            indicators[ind.id] = std::move(o);
        }
        expected["indicators"] = std::move(indicators);
        write_file(out + "/expected.json", json::serialize(expected));
        std::cout << "indicators: " << figures.indicators.size() << ", warnings: " << figures.warnings.size()
                  << ", check: " << report.summary << "\n";
    } catch (const std::exception& e) {
        std::cerr << "msoko-submission-sample: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
