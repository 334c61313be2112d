// small_objects.cpp — operator new and delete for the WebAssembly build: objects up to 256 bytes
// come from per-size free lists in 64 KiB slabs, larger ones from malloc. Reading a bundle makes
// and drops some 50 small objects per record (JSON nodes, strings); dlmalloc spent a quarter of a
// 100,000-record import on them, and its chunk headers added 5 MB to the records it keeps.
//
// Which allocator a pointer came from is told by a bitmap of the 64 KiB pages of linear memory
// (at most 4 GiB: 65,536 pages), so no object carries a header. Slabs are never given back:
// linear memory never shrinks anyway, and the same sizes come back (the next record's nodes).
// The app is single-threaded (no pthreads), so there is no locking.
#ifdef __EMSCRIPTEN__
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr size_t kSlabBytes = 64 * 1024;
constexpr size_t kLargest = 256;
constexpr size_t kGrain = 8;  // every size class is a multiple: new's alignment in wasm32 is 8
constexpr size_t kClasses = kLargest / kGrain;
static_assert(__STDCPP_DEFAULT_NEW_ALIGNMENT__ <= kGrain, "every class must keep new's alignment");
static_assert(sizeof(void*) == 4, "the page bitmap covers a 32-bit address space");

struct FreeBlock {
  FreeBlock* next;
};

struct SizeClass {
  FreeBlock* free = nullptr;
  char* bump = nullptr;  // the rest of the newest slab
  char* end = nullptr;
};

SizeClass g_classes[kClasses];
uint8_t g_slab_class[65536];  // per 64 KiB page of linear memory: 0 = not a slab, else class + 1

size_t ClassOf(size_t n) { return n ? (n - 1) / kGrain : 0; }

// Slabs are cut from 1 MiB runs: malloc's aligned allocation of a single 64 KiB slab left about
// as much again unused beside it.
constexpr size_t kRunSlabs = 16;
char* g_run = nullptr;
size_t g_run_left = 0;

void* NewSlab(size_t c) {
  if (!g_run_left) {
    g_run = static_cast<char*>(aligned_alloc(kSlabBytes, kSlabBytes * kRunSlabs));
    if (!g_run) return nullptr;
    g_run_left = kRunSlabs;
  }
  char* slab = g_run;
  g_run += kSlabBytes;
  --g_run_left;
  g_slab_class[reinterpret_cast<uintptr_t>(slab) / kSlabBytes] = static_cast<uint8_t>(c + 1);
  return slab;
}

void* Allocate(size_t n) {
  if (n > kLargest) return malloc(n);
  const size_t c = ClassOf(n);
  SizeClass& k = g_classes[c];
  if (FreeBlock* b = k.free) {
    k.free = b->next;
    return b;
  }
  const size_t size = (c + 1) * kGrain;
  if (k.bump + size > k.end) {
    char* slab = static_cast<char*>(NewSlab(c));
    if (!slab) return nullptr;
    k.bump = slab;
    k.end = slab + kSlabBytes - kSlabBytes % size;
  }
  void* p = k.bump;
  k.bump += size;
  return p;
}

void Release(void* p) {
  if (!p) return;
  const uint8_t tag = g_slab_class[reinterpret_cast<uintptr_t>(p) / kSlabBytes];
  if (!tag) return free(p);
  auto* b = static_cast<FreeBlock*>(p);
  b->next = g_classes[tag - 1].free;
  g_classes[tag - 1].free = b;
}

void* AllocateOrThrow(size_t n) {
  void* p = Allocate(n);
  if (!p) abort();  // built without exceptions: an allocation failure ends the program either way
  return p;
}

}  // namespace

void* operator new(size_t n) { return AllocateOrThrow(n); }
void* operator new[](size_t n) { return AllocateOrThrow(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return Allocate(n); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return Allocate(n); }
void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, size_t) noexcept { Release(p); }
void operator delete[](void* p, size_t) noexcept { Release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { Release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { Release(p); }
#endif
