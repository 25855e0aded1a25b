// SPDX-License-Identifier: MPL-2.0
// The component's registration entry points: the only exported symbols.
#include "dispatcher.hxx"
#include "functions.hxx"
#include "guard.hxx"
#include "options.hxx"

#include <uno/lbnames.h>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>

namespace {

using rtl::OUString;

css::uno::Reference<css::uno::XInterface> SAL_CALL
create_functions(const css::uno::Reference<css::uno::XComponentContext>& context) {
    return static_cast<cppu::OWeakObject*>(new msoko::uno::Functions(context));
}

OUString SAL_CALL functions_name() {
    return OUString::createFromAscii(msoko::uno::Functions::kImplementationName);
}

css::uno::Sequence<OUString> SAL_CALL functions_services() {
    return msoko::uno::Functions::supported_services();
}

css::uno::Reference<css::uno::XInterface> SAL_CALL
create_dispatcher(const css::uno::Reference<css::uno::XComponentContext>& context) {
    return static_cast<cppu::OWeakObject*>(new msoko::uno::Dispatcher(context));
}

OUString SAL_CALL dispatcher_name() {
    return OUString::createFromAscii(msoko::uno::Dispatcher::kImplementationName);
}

css::uno::Sequence<OUString> SAL_CALL dispatcher_services() {
    return msoko::uno::Dispatcher::supported_services();
}

css::uno::Reference<css::uno::XInterface> SAL_CALL
create_options_page(const css::uno::Reference<css::uno::XComponentContext>& context) {
    return static_cast<cppu::OWeakObject*>(new msoko::uno::OptionsPage(context));
}

OUString SAL_CALL options_page_name() {
    return OUString::createFromAscii(msoko::uno::OptionsPage::kImplementationName);
}

css::uno::Sequence<OUString> SAL_CALL options_page_services() {
    return msoko::uno::OptionsPage::supported_services();
}

const cppu::ImplementationEntry kEntries[] = {
    {create_functions, functions_name, functions_services, cppu::createSingleComponentFactory, nullptr, 0},
    {create_dispatcher, dispatcher_name, dispatcher_services, cppu::createSingleComponentFactory, nullptr, 0},
    {create_options_page, options_page_name, options_page_services, cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0},
};

}  // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implementation_name,
                                                                    void* service_manager, void* registry_key) {
    try {
        return cppu::component_getFactoryHelper(implementation_name, service_manager, registry_key, kEntries);
    } catch (...) {
        msoko::uno::log().error("component_getFactory failed for {}", implementation_name ? implementation_name : "?");
        return nullptr;
    }
}

extern "C" SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char** environment,
                                                                                     uno_Environment**) {
    *environment = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}
