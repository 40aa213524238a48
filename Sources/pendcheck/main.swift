print("pendcheck")
