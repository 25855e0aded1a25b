// SPDX-License-Identifier: MPL-2.0
#include "extension.hxx"

#include "guard.hxx"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <osl/file.hxx>

#include "log.hxx"

#include <cstdlib>
#include <mutex>
#include <optional>
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

const Catalogue& installed_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context) {
    // Loaded once, never replaced: references handed out stay valid for the
    // life of the office process.
    static std::mutex mutex;
    static std::optional<Catalogue> catalogue;
    std::lock_guard lock(mutex);
    if (!catalogue) {
        const char* chosen = std::getenv(kCatalogueVariable);
        const std::string path = chosen && *chosen ? std::string(chosen) : installed_file(context, kCatalogueFile);
        catalogue = read_catalogue(path);
        log().info("catalogue {} version {} loaded{}: {} indicators", catalogue->info.id, catalogue->info.version,
                   chosen && *chosen ? " from " + std::string(kCatalogueVariable) : std::string(),
                   catalogue->indicators.size());
    }
    return *catalogue;
}

}  // namespace msoko::uno
