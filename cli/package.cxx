// SPDX-License-Identifier: MPL-2.0
// msoko package: «Подготовить к отправке» without a display — the form opened
// as a private copy in the private office (the file is only read; the
// explanations typed into its last report are read from it), checked, and
// when it may be sent, its package written next to it (or into --out).
#include "package.hxx"
#include "commands.hxx"

#include <com/sun/star/sheet/XCalculatable.hpp>

#include <iostream>

namespace msoko::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

int package(const Common& common, const fs::path& workbook, const fs::path& out, bool replace,
            const CheckSettings& settings) {
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    office::Office office(office_options(common));
    auto doc = office.open(workbook, office::Office::Access::Copy);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    uno::PackageRequest request;
    request.form = fs::absolute(workbook);
    request.folder = out.empty() ? fs::path() : fs::absolute(out);
    request.settings = settings;
    request.replace = [replace](const fs::path&) { return replace; };
    uno::PackageOutcome outcome;
    try {
        outcome = uno::make_package(office.context(), doc, catalogue, request, {});
    } catch (const uno::UserError& e) {
        office::Office::close(doc);
        throw office::OfficeError(e.what());
    }
    office::Office::close(doc);
    if (common.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    using S = uno::PackageOutcome::Status;
    switch (outcome.status) {
        case S::NotAForm:
            throw office::OfficeError(outcome.message);
        case S::Kept:
            throw office::OfficeError(outcome.message +
                                      " Чтобы заменить её, добавьте --replace / the folder exists; "
                                      "--replace replaces it");
        case S::Refused:
            std::cout << outcome.message << "\n";
            return kNotReady;
        case S::Written:
            break;
    }
    std::cout << outcome.message << "\n";
    return kDone;
}

}  // namespace msoko::cli
