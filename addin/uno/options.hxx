// SPDX-License-Identifier: MPL-2.0
#pragma once

// The extension's settings: the options page Tools → Options → LibreOffice
// Calc → МСОКО (registry/OptionsDialog.xcu, registry/dialogs/Options.xdl),
// its handler, and the values in the extension's own configuration schema
// (registry/msoko-options.xcs), read by the catalogue (extension.cxx), the
// log (log.cxx) and the check (dispatcher.cxx).

#include "msoko/validation.hpp"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

#include <optional>
#include <string>
#include <vector>

namespace msoko::uno {

using rtl::OUString;

/// The configuration node of the settings (registry/msoko-options.xcs).
inline constexpr const char* kOptionsNode = "/org.msoko.calc.Options";

/// The extension's settings; the defaults are the product without settings.
struct Options {
    bool catalogue_from_file = false;  ///< false: the catalogue shipped with the extension
    std::string catalogue_file;        ///< a system path, used when catalogue_from_file
    CheckSettings check;               ///< the thresholds of plausibility
    std::string log_level = "info";    ///< one of kLogLevels
};

/// The log levels the page offers, in the order of its list.
inline constexpr const char* kLogLevels[] = {"debug", "info", "warn", "error", "off"};

/// Reads the settings from the configuration. A value out of its limits (a
/// configuration edited by hand) reads as its default, logged.
/// @throws css::uno::Exception when the configuration cannot be read.
Options read_options(const css::uno::Reference<css::uno::XComponentContext>& context);

/// Writes the settings into the configuration and commits them.
/// @throws css::uno::Exception when the configuration cannot be written.
void write_options(const css::uno::Reference<css::uno::XComponentContext>& context, const Options& options);

/// The settings as they are now: read on first use and again after every
/// change of the configuration node (a listener on it marks them stale), so
/// that the cell functions can ask at every call. The defaults without a
/// context (no office) or when the configuration cannot be read (logged).
/// Applies the log level whenever it reads. Never throws.
Options current_options(const css::uno::Reference<css::uno::XComponentContext>& context);

/// A number as a user types it: «10», «2,5», «2.5», spaces around; nullopt otherwise.
std::optional<double> parse_number(const std::string& text);

/// A number as the page shows it: «10», «2,5».
std::string format_number(double value);

/// The handler of the options page (OptionsDialog.xcu's EventHandlerService):
/// fills the page's controls from the configuration («initialize», «back»),
/// stores them («ok») after checking each value, and serves the page's
/// buttons. Values that cannot be stored are told in one Russian message and
/// keep what they were.
class OptionsPage final
    : public cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler, css::lang::XServiceInfo> {
public:
    static constexpr const char* kImplementationName = "org.msoko.calc.OptionsPageImpl";
    static css::uno::Sequence<OUString> supported_services();

    explicit OptionsPage(css::uno::Reference<css::uno::XComponentContext> context);

    // XContainerWindowEventHandler
    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XWindow>& window,
                                        const css::uno::Any& event, const OUString& method) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override;

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

    /// The settings the page's controls hold, `previous` where a control holds
    /// something that cannot be stored (each such value adds one sentence to
    /// `problems`). `load_catalogue`: a chosen catalogue file is read to see
    /// that it is one.
    static Options from_page(const css::uno::Reference<css::awt::XControlContainer>& page, const Options& previous,
                             bool load_catalogue, std::vector<std::string>& problems);
    /// Shows the settings in the page's controls.
    static void to_page(const css::uno::Reference<css::awt::XControlContainer>& page, const Options& options);

private:
    void save(const css::uno::Reference<css::awt::XWindow>& window,
              const css::uno::Reference<css::awt::XControlContainer>& page);
    void choose_catalogue(const css::uno::Reference<css::awt::XWindow>& window,
                          const css::uno::Reference<css::awt::XControlContainer>& page);

    css::uno::Reference<css::uno::XComponentContext> context_;
};

}  // namespace msoko::uno
