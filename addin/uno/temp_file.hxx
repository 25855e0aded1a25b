// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <rtl/ustring.hxx>

#include <string>

namespace msoko::uno {

/// A temporary file of the office's temporary folder (not created, only
/// named), removed when it goes out of scope.
class TempFile {
public:
    /// A name ending in `suffix` («.ods»). When no name can be had: a
    /// UserError with `user_message` when one is given, else a
    /// std::runtime_error.
    explicit TempFile(const std::string& suffix, const char* user_message = nullptr);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const rtl::OUString& url() const { return url_; }
    /// The file's path of this machine, UTF-8.
    const std::string& path() const { return path_; }

private:
    rtl::OUString url_;
    std::string path_;
};

}  // namespace msoko::uno
