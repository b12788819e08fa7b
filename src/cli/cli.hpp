#pragma once

#include "network.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace factcheck::cli {

// Runs the command line; returns the process exit code (DESIGN §2).
int run(int argc, const char* const* argv);

struct VerifyOptions
{
  std::string catalogue;
  std::string mode = "auto";
  std::vector<std::string> recordings;
  std::string format = "table";
  std::string color = "auto";
  NetworkOptions network;
};

// Binds `verify`'s flags to `options`; returns the subcommand.
CLI::App* setup_verify(CLI::App& app, VerifyOptions& options);

// Runs `factcheck verify`. Throws factcheck::Error for caller mistakes.
int run_verify(const VerifyOptions& options);

struct CacheCommand
{
  std::string action; // info or clear
  std::string dir;
};

// `factcheck cache info|clear` (src/cli/cache.cpp).
CLI::App* setup_cache(CLI::App& app, CacheCommand& options);
int run_cache(const CacheCommand& options);

struct RecordCommand
{
  std::string catalogue;
  std::string to;
  NetworkOptions network;
};

// `factcheck record CATALOGUE --to DIR` (src/cli/record.cpp).
CLI::App* setup_record(CLI::App& app, RecordCommand& options);
int run_record(const RecordCommand& options);

} // namespace factcheck::cli
