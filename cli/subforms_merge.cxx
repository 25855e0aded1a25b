// SPDX-License-Identifier: MPL-2.0
// msoko subforms merge FORM.ods DIR|FILES… [-o OUT.ods] [--conflicts keep|take]:
// «Собрать формы организаций» without a display — the form opened as a
// private copy in the private office, the returned files read there, the
// conflicts decided all one way (keep by default: listed, the form's values
// stay), the merged form with its sheet «Сбор форм» written to OUT or over
// the form itself; the sheet's lines printed.
#include "subforms_merge.hxx"
#include "commands.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/merge.hpp"
#include "snapshot.hxx"

#include <com/sun/star/sheet/XCalculatable.hpp>

#include <boost/json.hpp>

#include <iostream>

namespace msoko::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

std::string text_of(const Cell& c) {
    return cell_text(c);
}

void print(const Common& common, const CollectionReport& report) {
    if (common.format == Format::Json) {
        boost::json::array tables;
        for (const CollectionTable& t : report.tables) {
            boost::json::array heads, rows;
            for (const Cell& h : t.heads)
                heads.emplace_back(text_of(h));
            for (const auto& r : t.rows) {
                boost::json::array row;
                for (const Cell& c : r)
                    if (c.kind() == Cell::Kind::Number)
                        row.emplace_back(c.number());
                    else
                        row.emplace_back(text_of(c));
                rows.push_back(std::move(row));
            }
            tables.push_back(
                boost::json::object{{"title", t.title}, {"heads", std::move(heads)}, {"rows", std::move(rows)}});
        }
        std::cout << boost::json::serialize(boost::json::object{{"format", "msoko-subforms-merge/1"},
                                                                {"title", report.title},
                                                                {"summary", report.summary},
                                                                {"tables", std::move(tables)}})
                  << "\n";
        return;
    }
    if (common.format == Format::Tsv) {
        for (std::size_t k = 0; k < report.tables.size(); ++k)
            for (const auto& r : report.tables[k].rows) {
                std::cout << (k == 0 ? "organisation" : k == 1 ? "conflict" : "other");
                for (const Cell& c : r)
                    std::cout << "\t" << tsv_field(text_of(c));
                std::cout << "\n";
            }
        return;
    }
    std::cout << report.title << "\n" << report.summary << "\n";
    for (const CollectionTable& t : report.tables) {
        std::cout << "\n" << t.title << " — " << t.rows.size() << "\n";
        if (t.rows.empty()) {
            std::cout << "  нет\n";
            continue;
        }
        for (const auto& r : t.rows) {
            std::string line;
            for (std::size_t i = 0; i < r.size() && i < t.heads.size(); ++i) {
                const std::string v = text_of(r[i]);
                if (v.empty())
                    continue;
                line += (line.empty() ? "  " : "; ") + (i < 3 ? v : text_of(t.heads[i]) + ": " + v);
            }
            std::cout << line << "\n";
        }
    }
}

}  // namespace

int subforms_merge(const Common& common, const fs::path& form, const std::vector<fs::path>& returned,
                   const fs::path& out, bool take) {
    const fs::path target = out.empty() ? form : out;
    const std::string ext = target.extension().string();
    const char* filter = ext == ".ods" ? "calc8" : ext == ".fods" ? "OpenDocument Spreadsheet Flat XML" : nullptr;
    if (!filter)
        throw UsageError("subforms merge: -o ВЫХОД.ods|ВЫХОД.fods; неизвестный формат / unknown format: " + ext);
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    uno::MergeRequest request;
    try {
        request.files = uno::returned_files(returned);
    } catch (const uno::UserError& e) {
        throw office::OfficeError(e.what());
    }
    if (request.files.empty())
        throw office::OfficeError("нет файлов форм организаций / no files to merge");
    request.decide = [take](const MergePlan& plan) -> std::optional<std::vector<bool>> {
        return std::vector<bool>(plan.conflicts.size(), take);
    };
    starting(common);
    office::Office office(office_options(common));
    auto doc = office.open(form, office::Office::Access::Copy);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    uno::MergeRun run;
    try {
        run = uno::merge_subforms(office.context(), doc, catalogue, request, {});
    } catch (const uno::UserError& e) {
        office::Office::close(doc);
        throw office::OfficeError(e.what());
    }
    store(doc, target, filter);
    office::Office::close(doc);
    if (common.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    print(common, run.report);
    return kDone;
}

}  // namespace msoko::cli
