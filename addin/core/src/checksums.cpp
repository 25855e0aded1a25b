// SPDX-License-Identifier: MPL-2.0
#include "msoko/checksums.hpp"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace msoko {

namespace {

// One SHA-256 computation through OpenSSL's EVP interface.
class Sha256 {
public:
    Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("не удалось начать вычисление SHA-256 (OpenSSL)");
    }
    void update(const char* data, std::size_t size) {
        if (size && EVP_DigestUpdate(ctx_.get(), data, size) != 1)
            throw std::runtime_error("не удалось вычислить SHA-256 (OpenSSL)");
    }
    std::string hex() {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), digest.data(), &size) != 1)
            throw std::runtime_error("не удалось вычислить SHA-256 (OpenSSL)");
        static const char digits[] = "0123456789abcdef";
        std::string out;
        out.reserve(2 * size);
        for (unsigned int i = 0; i < size; ++i) {
            out += digits[digest[i] >> 4];
            out += digits[digest[i] & 0x0F];
        }
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
};

std::runtime_error unreadable(const std::filesystem::path& file, const char* why) {
    return std::runtime_error("не удалось прочитать файл «" + file.u8string() + "» для контрольной суммы" +
                              (why && *why ? std::string(": ") + why : std::string()));
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    Sha256 sha;
    sha.update(bytes.data(), bytes.size());
    return sha.hex();
}

std::string sha256_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw unreadable(file, "это папка");
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw unreadable(file, errno == ENOENT ? "нет такого файла" : errno ? std::strerror(errno) : "");
    Sha256 sha;
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        sha.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        throw unreadable(file, "ошибка чтения");
    return sha.hex();
}

std::string sha256sums(const std::filesystem::path& dir, const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
        if (name.find_first_of("\n\r\\") != std::string::npos)
            throw std::runtime_error("имя файла «" + name + "» нельзя записать в SHA256SUMS");
        // Binary mode's marker would be '*'; sha256sum -c reads both, and two spaces is its default.
        out += sha256_file(dir / std::filesystem::u8path(name)) + "  " + name + "\n";
    }
    return out;
}

}  // namespace msoko
