// SPDX-License-Identifier: MPL-2.0
// msoko subforms make: «Формы для организаций» without a display — the
// municipal form opened as a private copy in the private office (the file is
// only read), one sub-form per organisation of its register written into a
// folder beside it (or --out).
#include "subforms_make.hxx"
#include "commands.hxx"
#include "snapshot.hxx"

#include <com/sun/star/sheet/XCalculatable.hpp>

#include <boost/json.hpp>

#include <iostream>

namespace msoko::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

int subforms_make(const Common& common, const fs::path& workbook, const fs::path& out, bool replace) {
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    starting(common);
    office::Office office(office_options(common));
    auto doc = office.open(workbook, office::Office::Access::Copy);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    uno::SubformsRequest request;
    request.form = fs::absolute(workbook);
    request.folder = out.empty() ? fs::path() : fs::absolute(out);
    request.replace = [replace](const fs::path&) { return replace; };
    uno::SubformsOutcome outcome;
    try {
        outcome = uno::make_subforms(office.context(), doc, catalogue, request, {});
    } catch (const uno::UserError& e) {
        office::Office::close(doc);
        throw office::OfficeError(e.what());
    }
    office::Office::close(doc);
    if (common.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    if (outcome.status == uno::SubformsOutcome::Status::Kept)
        throw office::OfficeError(outcome.message +
                                  " Чтобы заменить её, добавьте --replace / the folder exists; --replace replaces it");
    const auto folder = outcome.folder.u8string();
    switch (common.format) {
        case Format::Text:
            std::cout << outcome.message << "\n";
            break;
        case Format::Tsv:
            for (const std::string& file : outcome.files)
                std::cout << tsv_field(std::string(folder.begin(), folder.end())) << "\t" << tsv_field(file) << "\n";
            break;
        case Format::Json: {
            boost::json::array files;
            for (const std::string& file : outcome.files)
                files.emplace_back(file);
            std::cout << boost::json::serialize(
                             boost::json::object{{"format", "msoko-subforms/1"},
                                                 {"folder", std::string(folder.begin(), folder.end())},
                                                 {"files", std::move(files)}})
                      << "\n";
            break;
        }
    }
    return kDone;
}

}  // namespace msoko::cli
