// SPDX-License-Identifier: MPL-2.0
#include "functions.hxx"

#include "convert.hxx"
#include "function_table.hxx"
#include "guard.hxx"
#include "msoko/share.hpp"
#include "msoko/version.hpp"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Sequence;

namespace {

constexpr const char* kExtensionId = "org.msoko.calc";
constexpr const char* kCatalogueFile = "catalogue/msoko-267-1.json";

OUString text(const char* utf8) {
    return OUString(utf8, static_cast<sal_Int32>(strlen(utf8)), RTL_TEXTENCODING_UTF8);
}

// A core Result as a cell value: a number; void (#N/A) when not applicable
// or when data are missing; IllegalArgumentException (Err:502) when invalid.
Any to_cell_result(const Result& r, const css::uno::Reference<css::uno::XInterface>& self) {
    switch (r.status()) {
        case Result::Status::Value:
            return Any(r.value());
        case Result::Status::NotApplicable:
        case Result::Status::MissingData:
            log().debug("no value: {}", r.reason());
            return Any();
        case Result::Status::Invalid:
            break;
    }
    throw css::lang::IllegalArgumentException(from_utf8(r.reason()), self, 0);
}

}  // namespace

Functions::Functions(css::uno::Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

Sequence<OUString> Functions::supported_services() {
    Sequence<OUString> names(2);
    names.getArray()[0] = "com.sun.star.sheet.AddIn";
    names.getArray()[1] = OUString::createFromAscii(kServiceName);
    return names;
}

bool Functions::russian() const {
    std::lock_guard lock(mutex_);
    return locale_.Language == "ru";
}

const CatalogueInfo* Functions::catalogue() {
    std::lock_guard lock(mutex_);
    if (!catalogue_read_) {
        catalogue_read_ = true;
        try {
            auto provider = css::deployment::PackageInformationProvider::get(context_);
            const OUString root = provider->getPackageLocation(OUString::createFromAscii(kExtensionId));
            OUString path;
            if (root.isEmpty() ||
                osl::FileBase::getSystemPathFromFileURL(root + "/" + OUString::createFromAscii(kCatalogueFile), path) !=
                    osl::FileBase::E_None)
                throw std::runtime_error("the extension's installation folder was not found");
            catalogue_ = read_catalogue_info(to_utf8(path));
            log().info("catalogue {} version {} loaded from {}", catalogue_->id, catalogue_->version, to_utf8(path));
        } catch (const std::exception& e) {
            log().error("catalogue not loaded: {}", e.what());
        } catch (const css::uno::Exception& e) {
            log().error("catalogue not loaded: {}", to_utf8(e.Message));
        }
    }
    return catalogue_ ? &*catalogue_ : nullptr;
}

// XFunctions

Any Functions::share(const Sequence<Sequence<Any>>& numerators, const Sequence<Sequence<Any>>& denominators) {
    return guarded("MSOKO.SHARE", [&] {
        return to_cell_result(msoko::share(to_range(numerators, 0), to_range(denominators, 1)), *this);
    });
}

OUString Functions::version() {
    return guarded("MSOKO.VERSION", [&] { return from_utf8(version_text(catalogue())); });
}

// XAddIn

OUString Functions::getProgrammaticFuntionName(const OUString& display_name) {
    return guarded_or("XAddIn::getProgrammaticFuntionName", OUString(), [&] {
        const FunctionInfo* f = find_by_display(to_utf8(display_name));
        return f ? OUString::createFromAscii(f->method) : OUString();
    });
}

OUString Functions::getDisplayFunctionName(const OUString& programmatic_name) {
    return guarded_or("XAddIn::getDisplayFunctionName", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        return f ? text(f->display.in(russian())) : OUString();
    });
}

OUString Functions::getFunctionDescription(const OUString& programmatic_name) {
    return guarded_or("XAddIn::getFunctionDescription", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        return f ? text(f->description.in(russian())) : OUString();
    });
}

OUString Functions::getDisplayArgumentName(const OUString& programmatic_name, sal_Int32 argument) {
    return guarded_or("XAddIn::getDisplayArgumentName", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        if (!f || argument < 0 || static_cast<std::size_t>(argument) >= f->parameters.size())
            return OUString();
        return text(f->parameters[static_cast<std::size_t>(argument)].name.in(russian()));
    });
}

OUString Functions::getArgumentDescription(const OUString& programmatic_name, sal_Int32 argument) {
    return guarded_or("XAddIn::getArgumentDescription", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        if (!f || argument < 0 || static_cast<std::size_t>(argument) >= f->parameters.size())
            return OUString();
        return text(f->parameters[static_cast<std::size_t>(argument)].description.in(russian()));
    });
}

OUString Functions::getProgrammaticCategoryName(const OUString&) {
    // Calc knows a fixed set of categories; "Add-In" is the one for extensions.
    return "Add-In";
}

OUString Functions::getDisplayCategoryName(const OUString&) {
    return guarded_or("XAddIn::getDisplayCategoryName", OUString(), [&] {
        return text(Text{"Надстройки", "Add-In"}.in(russian()));
    });
}

// XLocalizable

void Functions::setLocale(const css::lang::Locale& locale) {
    std::lock_guard lock(mutex_);
    locale_ = locale;
}

css::lang::Locale Functions::getLocale() {
    std::lock_guard lock(mutex_);
    return locale_;
}

// XServiceName

OUString Functions::getServiceName() {
    return OUString::createFromAscii(kServiceName);
}

// XServiceInfo

OUString Functions::getImplementationName() {
    return OUString::createFromAscii(kImplementationName);
}

sal_Bool Functions::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

Sequence<OUString> Functions::getSupportedServiceNames() {
    return supported_services();
}

}  // namespace msoko::uno
