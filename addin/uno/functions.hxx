// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/catalogue_info.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <org/msoko/calc/XFunctions.hpp>

#include <mutex>
#include <optional>

namespace msoko::uno {

using rtl::OUString;

/// The Calc add-in: the MSOKO.* cell functions and their wizard metadata.
/// Converts arguments, calls the core, maps a core Result to a cell value or
/// error, and computes nothing itself.
class Functions final : public cppu::WeakImplHelper4<org::msoko::calc::XFunctions, css::sheet::XAddIn,
                                                     css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    static constexpr const char* kImplementationName = "org.msoko.calc.FunctionsImpl";
    static constexpr const char* kServiceName = "org.msoko.calc.Functions";
    static css::uno::Sequence<OUString> supported_services();

    explicit Functions(css::uno::Reference<css::uno::XComponentContext> context);

    // XFunctions
    css::uno::Any SAL_CALL share(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& numerators,
                                 const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& denominators) override;
    OUString SAL_CALL version() override;

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display_name) override;
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmatic_name) override;
    OUString SAL_CALL getFunctionDescription(const OUString& programmatic_name) override;
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmatic_name, sal_Int32 argument) override;
    OUString SAL_CALL getArgumentDescription(const OUString& programmatic_name, sal_Int32 argument) override;
    OUString SAL_CALL getProgrammaticCategoryName(const OUString& programmatic_name) override;
    OUString SAL_CALL getDisplayCategoryName(const OUString& programmatic_name) override;

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale& locale) override;
    css::lang::Locale SAL_CALL getLocale() override;

    // XServiceName
    OUString SAL_CALL getServiceName() override;

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

private:
    bool russian() const;
    /// The installed catalogue's identity, read once; nullptr when unreadable.
    const CatalogueInfo* catalogue();

    css::uno::Reference<css::uno::XComponentContext> context_;
    mutable std::mutex mutex_;
    css::lang::Locale locale_;
    bool catalogue_read_ = false;
    std::optional<CatalogueInfo> catalogue_;
};

}  // namespace msoko::uno
