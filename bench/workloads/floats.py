# Floating point: a softened particle simulation (n-body-like, pairwise
# forces, leapfrog steps, energy) and a Mandelbrot escape-time grid, all in
# plain float arithmetic (+, -, *, /: no libm calls, no float sum(), whose
# rounding changed in 3.12), so every interpreter gets the same bits.

def make_particles(count):
    seed = 7
    particles = []
    for _ in range(count):
        values = []
        for _ in range(5):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            values.append(seed / 0x7FFFFFFF - 0.5)
        x, y, vx, vy, m = values
        particles.append([x * 10.0, y * 10.0, vx, vy, m + 1.0])
    return particles


def simulate(particles, steps, dt):
    count = len(particles)
    for _ in range(steps):
        for i in range(count):
            p = particles[i]
            for j in range(i + 1, count):
                q = particles[j]
                dx = q[0] - p[0]
                dy = q[1] - p[1]
                inv = 1.0 / (dx * dx + dy * dy + 0.1)
                f = inv * inv * dt
                p[2] += dx * f * q[4]
                p[3] += dy * f * q[4]
                q[2] -= dx * f * p[4]
                q[3] -= dy * f * p[4]
        for p in particles:
            p[0] += p[2] * dt
            p[1] += p[3] * dt
    energy = 0.0
    for p in particles:
        energy += 0.5 * p[4] * (p[2] * p[2] + p[3] * p[3])
    return energy


def mandelbrot(width, height, limit):
    escaped = 0
    for row in range(height):
        ci = row * 2.0 / height - 1.0
        for col in range(width):
            cr = col * 3.0 / width - 2.0
            zr = zi = 0.0
            n = 0
            while n < limit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            escaped += n
    return escaped


energy = simulate(make_particles(40), 2000, 0.01)
print("floats %.9e %d" % (energy, mandelbrot(240, 160, 150)))
