// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msoko::uno {

using rtl::OUString;

/// The menu and toolbar commands, dispatched as `org.msoko.calc:<Command>`
/// (a ProtocolHandler: exceptions reach a caller as RuntimeException and the
/// office stays healthy, unlike a Job). The commands are one table
/// (Dispatcher::commands()): its URL path, the Russian name the user knows it
/// by (in messages), the title of its undo step and its implementation.
class Dispatcher final : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XDispatch,
                                                      css::lang::XInitialization, css::lang::XServiceInfo> {
public:
    static constexpr const char* kImplementationName = "org.msoko.calc.DispatcherImpl";
    static constexpr const char* kProtocol = "org.msoko.calc:";
    static css::uno::Sequence<OUString> supported_services();

    explicit Dispatcher(css::uno::Reference<css::uno::XComponentContext> context);

    // XInitialization: the frame the commands act on
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& arguments) override;

    // XDispatchProvider
    css::uno::Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                                      const OUString& target_frame,
                                                                      sal_Int32 search_flags) override;
    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const css::uno::Sequence<css::frame::DispatchDescriptor>& requests) override;

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const css::uno::Sequence<css::beans::PropertyValue>& arguments) override;
    void SAL_CALL addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override;
    void SAL_CALL removeStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                       const css::util::URL& url) override;

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

    /// A command of the extension.
    struct Command {
        const char* path;   ///< org.msoko.calc:<path>
        const char* title;  ///< as the menu names it, Russian: for messages
        const char* undo;   ///< the title of its one undo step, or nullptr when it does not change the document
        void (Dispatcher::*run)();
    };
    /// Every command, in menu order.
    static const std::vector<Command>& commands();
    /// The command of a URL path, or null.
    static const Command* command_of(const OUString& path);

    /// The language of the help pages for a UI locale: «en» for English, else «ru».
    static std::string help_language(std::string_view ui_locale);
    /// The URL of a help page (help/<lang>/org.msoko.calc/<page>.xhp) for a UI locale.
    static std::string help_url(std::string_view ui_locale, std::string_view page);

private:
    /// A new, unsaved data-collection form from the extension's catalogue.
    void new_form();
    /// The open form of an earlier catalogue version written as a new form of
    /// the current one (the open form is not changed); says what to fill anew.
    void migrate();
    /// The open form checked and, when it may be sent, its submission package
    /// written next to it (package.hxx); says what was written, or why not.
    void package();
    /// The organisations' returned sub-forms merged into the open form (subforms_merge.hxx):
    /// the files chosen, the conflicts decided, «Сбор форм» written.
    void collect_subforms();
    /// One sub-form per organisation of the open form's register, written into
    /// a folder beside it (subforms_make.hxx; subforms_command.cxx).
    void make_subforms();
    /// The municipal forms of a folder consolidated (region_command.cxx): the region workbook opened.
    void consolidate_region();
    /// ВПР results files read and analysed (vpr_command.cxx): the results workbook opened.
    void import_vpr();
    /// The open form's ВПР figures filled from results files (vpr_command.cxx), as the user confirms.
    void fill_from_vpr();
    /// Where the sub-forms of `form` go, as the user picks it; nullopt: cancelled.
    std::optional<std::filesystem::path> pick_subforms_folder(const std::filesystem::path& form);
    /// Runs a command that changes the document as one undo step.
    void as_one_undo_step(const char* title, void (Dispatcher::*body)());
    /// Checks the frame's document and writes the report sheet «Проверка».
    void validate_form();
    /// Removes the marks the check left (the report sheet stays).
    void clear_form_marks();
    /// Opens the start page of the extension's help, in the UI language (Russian otherwise).
    void show_help();
    /// The spreadsheet of the frame the command came from (and its controller).
    css::uno::Reference<css::sheet::XSpreadsheetDocument> frame_document(
        css::uno::Reference<css::frame::XController>* controller);
    /// Tells the user, in a message box over the frame when there is one.
    void tell(const OUString& title, const OUString& message, bool error);
    /// Asks the user a yes/no question over the frame; false without a window
    /// to ask in (a hidden or headless document) or when the user says no.
    bool ask(const OUString& title, const OUString& message, bool warning);
    /// A message box over the frame (buttons: css::awt::MessageBoxButtons),
    /// not yet shown; none without a window to show it in.
    css::uno::Reference<css::awt::XMessageBox> message_box(css::awt::MessageBoxType type, sal_Int32 buttons,
                                                           const OUString& title, const OUString& message);

    css::uno::Reference<css::uno::XComponentContext> context_;
    std::mutex mutex_;
    css::uno::Reference<css::frame::XFrame> frame_;
    /// The arguments of the command being dispatched (a scripted NewForm's answers).
    css::uno::Sequence<css::beans::PropertyValue> arguments_;
};

}  // namespace msoko::uno
