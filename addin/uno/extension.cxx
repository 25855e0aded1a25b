// SPDX-License-Identifier: MPL-2.0
#include "extension.hxx"

#include "guard.hxx"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <osl/file.hxx>

#include <stdexcept>

namespace msoko::uno {

namespace {
constexpr const char* kCatalogueFile = "catalogue/msoko-267-1.json";
}

std::string installed_file(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const std::string& relative) {
    if (!context.is())
        throw std::runtime_error("no component context to locate the extension");
    auto provider = css::deployment::PackageInformationProvider::get(context);
    const OUString root = provider->getPackageLocation(OUString::createFromAscii(kExtensionId));
    OUString path;
    if (root.isEmpty() ||
        osl::FileBase::getSystemPathFromFileURL(root + "/" + from_utf8(relative), path) != osl::FileBase::E_None)
        throw std::runtime_error("the extension's installation folder was not found");
    return to_utf8(path);
}

Catalogue read_installed_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context) {
    return read_catalogue(installed_file(context, kCatalogueFile));
}

}  // namespace msoko::uno
