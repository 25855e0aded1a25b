// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/catalogue.hpp"
#include "msoko/table.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <org/msoko/calc/XFunctions.hpp>

#include <memory>
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
    css::uno::Any SAL_CALL indicator(const OUString& id,
                                     const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& table,
                                     const css::uno::Any& organisation) override;
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> SAL_CALL
    indicators(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& table) override;
    OUString SAL_CALL title(const OUString& id) override;
    OUString SAL_CALL unit(const OUString& id) override;
    css::uno::Any SAL_CALL marks(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& exam_marks,
                                 const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& journal_marks,
                                 const OUString& mode) override;
    css::uno::Any SAL_CALL belowMin(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& scores,
                                    const OUString& minimum) override;
    css::uno::Any SAL_CALL scoreBand(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& scores,
                                     const OUString& lower_limit, const css::uno::Any& upper_limit) override;
    css::uno::Any SAL_CALL dynamics(const OUString& current, const OUString& previous) override;

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
    /// The extension's catalogue (installed_catalogue()); nullptr when unreadable (logged).
    const Catalogue* catalogue();
    /// The catalogue, or IllegalArgumentException (Err:502) when it is unreadable.
    const Catalogue& required_catalogue();

    css::uno::Reference<css::uno::XComponentContext> context_;
    mutable std::mutex mutex_;
    css::lang::Locale locale_;
    void log_failure(const std::string& reason);
    std::mutex failure_mutex_;
    std::string last_failure_;
    /// The table cache, emptied whenever a document closes (the listener is
    /// registered at the first use, not in the constructor: Calc creates every
    /// add-in when it builds its function list).
    TableCache& tables();
    std::shared_ptr<TableCache> tables_ =
        std::make_shared<TableCache>();  // a form's many INDICATOR cells share one table
    std::once_flag listening_;
};

}  // namespace msoko::uno
