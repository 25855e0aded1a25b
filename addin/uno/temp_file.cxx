// SPDX-License-Identifier: MPL-2.0
#include "temp_file.hxx"

#include "snapshot.hxx"
#include "utf8.hxx"

#include <osl/file.hxx>

#include <cstdio>
#include <stdexcept>

namespace msoko::uno {

using rtl::OUString;

TempFile::TempFile(const std::string& suffix, const char* user_message) {
    OUString dir;
    osl::FileBase::getTempDirURL(dir);
    OUString base;
    if (osl::FileBase::createTempFile(&dir, nullptr, &base) != osl::FileBase::E_None) {
        if (user_message)
            throw UserError(user_message);
        throw std::runtime_error("cannot create a temporary file");
    }
    osl::File::remove(base);
    url_ = base + from_utf8(suffix);
    OUString path;
    osl::FileBase::getSystemPathFromFileURL(url_, path);
    path_ = to_utf8(path);
}

TempFile::~TempFile() {
    std::remove(path_.c_str());
}

}  // namespace msoko::uno
