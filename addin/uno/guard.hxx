// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "log.hxx"
#include "utf8.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <rtl/ustring.hxx>

#include <exception>
#include <string>
#include <utility>

namespace msoko::uno {

using rtl::OUString;

/// Runs one UNO entry point so that no C++ exception crosses the UNO
/// boundary: an IllegalArgumentException (Err:502 in a cell) passes as it is,
/// anything else is logged with `entry` and becomes a RuntimeException
/// (#VALUE! in a cell, an error for an API caller) — never a crash.
template <class Body>
auto guarded(const char* entry, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const css::lang::IllegalArgumentException& e) {
        log().info("{}: rejected input: {}", entry, to_utf8(e.Message));
        throw;
    } catch (const css::uno::RuntimeException& e) {
        log().error("{}: UNO runtime error: {}", entry, to_utf8(e.Message));
        throw;
    } catch (const css::uno::Exception& e) {
        log().error("{}: UNO error: {}", entry, to_utf8(e.Message));
        throw css::uno::RuntimeException(from_utf8(std::string(entry) + ": " + to_utf8(e.Message)));
    } catch (const std::exception& e) {
        log().error("{}: internal error: {}", entry, e.what());
        throw css::uno::RuntimeException(from_utf8(std::string(entry) + ": internal error: " + e.what()));
    } catch (...) {
        log().error("{}: unknown internal error", entry);
        throw css::uno::RuntimeException(from_utf8(std::string(entry) + ": unknown internal error"));
    }
}

/// Like guarded(), for entry points whose caller cannot handle an exception
/// at all (metadata asked by the Function Wizard): logs and returns
/// `fallback` instead of throwing.
template <class T, class Body>
T guarded_or(const char* entry, T fallback, Body&& body) noexcept {
    try {
        return guarded(entry, std::forward<Body>(body));
    } catch (...) {
        return fallback;
    }
}

/// Runs `cleanup` when the scope ends, however it ends; what it throws is
/// swallowed (it runs during unwinding too).
template <class Cleanup>
class OnExit {
public:
    explicit OnExit(Cleanup cleanup) : cleanup_(std::move(cleanup)) {}
    ~OnExit() {
        try {
            cleanup_();
        } catch (...) {
        }
    }
    OnExit(const OnExit&) = delete;
    OnExit& operator=(const OnExit&) = delete;

private:
    Cleanup cleanup_;
};

}  // namespace msoko::uno
